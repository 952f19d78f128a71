using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.ContactRequests;
using Platform.Application.Events;
using Platform.Application.Posts;
using Platform.Application.Reminders;
using Platform.Domain.Reminders;

namespace Platform.Application.Accounts;

/// <summary>
/// "Meine Daten": everything the platform holds about the signed-in person, as one document: every table with a column
/// that names a person (an account id or an e-mail address) is read here; a test walks the EF model to keep it so.
/// </summary>
public sealed record ExportMyDataQuery : IQuery<MyDataExport>;

public sealed record MyDataExport(
    DateTime ExportedAt,
    string Jobcenter,
    AccountData Account,
    IReadOnlyList<MyConsent> Consents,
    IReadOnlyList<ReminderSummary> Reminders,
    IReadOnlyList<NotificationItem> Notifications,
    MyNotificationSettings NotificationSettings,
    IReadOnlyList<MyPushSubscriptionData> PushSubscriptions,
    IReadOnlyList<MyEventRegistrationData> EventRegistrations,
    IReadOnlyList<MyBookmarkData> Bookmarks,
    IReadOnlyList<MyContactRequestData> ContactRequests,
    IReadOnlyList<MyCallbackBookingData> CallbackBookings,
    IReadOnlyList<MyPendingMessageData> PendingMessages,
    IReadOnlyList<MyInvitationData> Invitations,
    IReadOnlyList<MyWorkRecord> StaffWork);

/// <summary>A browser that gets push messages for the account: the push service's address and when it was added.</summary>
public sealed record MyPushSubscriptionData(Guid Id, string Endpoint, DateTime CreatedAt);

/// <summary>A message sent with the contact form from the account's e-mail address (the form asks for no account).</summary>
public sealed record MyContactRequestData(Guid Id, string Type, string Name, string Email, string Phone, string Message, DateTime CreatedAt, DateTime? DoneAt);

/// <summary>A callback booked on the contact page with the account's e-mail address (booking asks for no account).</summary>
public sealed record MyCallbackBookingData(Guid Id, DateTime Start, string Name, string Phone, string Email, DateTime CreatedAt, DateTime? CancelledAt);

/// <summary>A notification waiting to be sent (or sent, skipped or failed), as the delivery engine keeps it.</summary>
public sealed record MyPendingMessageData(string Title, string Channel, DateTime DueAt, string Status);

/// <summary>An invitation into a jobcenter's team to the account's address, or one the person sent.</summary>
public sealed record MyInvitationData(string Email, string Role, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, bool SentByMe);

/// <summary>Editorial work the person did as staff: posts, versions, workflow steps, library items, campaigns, audit entries.</summary>
public sealed record MyWorkRecord(string Kind, Guid Id, string Text, DateTime At);

/// <summary>A post on the "Merkliste", also one no longer published.</summary>
public sealed record MyBookmarkData(Guid PostId, string Post, DateTime BookmarkedAt);

/// <summary>A sign-up for an event, also a cancelled one.</summary>
public sealed record MyEventRegistrationData(Guid EventId, string Event, DateTime? StartsAt, string Status, DateTime RegisteredAt, DateTime UpdatedAt);

/// <summary>The notification preferences as stored (null: never changed, the defaults apply).</summary>
/// <remarks>
/// <para><paramref name="FollowedTopics"/>: the names of the topics the person follows.</para>
/// <para><paramref name="Unsubscribed"/>: kinds of message stopped by an unsubscribe link (<c>email:new-post</c>, ...).</para>
/// </remarks>
public sealed record MyNotificationSettings(
    bool Email, bool Push, TimeOnly QuietStart, TimeOnly QuietEnd, IReadOnlyList<string> FollowedTopics, IReadOnlyList<string> Unsubscribed, DateTime? UpdatedAt);

/// <remarks><paramref name="At"/>: when it was given, or when the person registered without giving it.</remarks>
public sealed record MyConsent(string Purpose, bool Given, DateTime At);

public sealed class ExportMyDataHandler(
    IAccountService accounts, IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, ITopicCatalog topics, TimeProvider clock)
    : IQueryHandler<ExportMyDataQuery, MyDataExport>
{
    public async ValueTask<MyDataExport> Handle(ExportMyDataQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var data = await accounts.GetDataAsync(userId, cancellationToken)
            ?? throw new NotFoundException("Konto", userId);
        var consents = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderBy(c => c.At)
            .Select(c => new MyConsent(c.Purpose, c.Given, c.At))
            .ToListAsync(cancellationToken);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.DueAt).ToListAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var catalog = await topics.ForCurrentTenantAsync(cancellationToken);
        var settings = preferences is null ? null : new MyNotificationSettings(
            preferences.EmailEnabled,
            preferences.PushEnabled,
            preferences.QuietStart,
            preferences.QuietEnd,
            [.. catalog.All.Where(t => (preferences.FollowedTopics & (int)t.Flag) != 0).Select(t => t.DisplayName ?? t.Key)],
            NotificationSettingsView.From(preferences, data.ConfirmedAtLeast16, "").Unsubscribed,
            preferences.UpdatedAt);
        var registrations = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.PostId,
                r.Status,
                r.CreatedAt,
                r.UpdatedAt,
                Title = db.Posts.Where(p => p.Id == r.PostId).Select(p => p.Content.Title).FirstOrDefault() ?? "",
                StartsAt = db.Posts.Where(p => p.Id == r.PostId).Select(p => p.Content.EventStartsAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var bookmarks = await db.Bookmarks.AsNoTracking()
            .Where(b => b.UserId == userId)
            .OrderBy(b => b.CreatedAt)
            .Select(b => new MyBookmarkData(b.PostId, db.Posts.Where(p => p.Id == b.PostId).Select(p => p.Content.Title).FirstOrDefault() ?? "", b.CreatedAt))
            .ToListAsync(cancellationToken);
        var pushSubscriptions = await db.PushSubscriptions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new MyPushSubscriptionData(s.Id, s.Endpoint, s.CreatedAt))
            .ToListAsync(cancellationToken);

        // The contact form asks for no account and stores none: the person's requests are those from their address.
        var email = data.Email.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(): the same on every provider, where a culture means nothing.
        var contactRequests = email.Length == 0 ? [] : await db.ContactRequests.AsNoTracking()
            .Where(c => c.Email.ToUpper() == email)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Type, c.Name, c.Email, c.Phone, c.Message, c.CreatedAt, c.DoneAt })
            .ToListAsync(cancellationToken);
        var callbacks = email.Length == 0 ? [] : await db.CallbackBookings.AsNoTracking()
            .Where(c => c.Email.ToUpper() == email)
            .OrderBy(c => c.SlotStart)
            .Select(c => new MyCallbackBookingData(c.Id, c.SlotStart, c.Name, c.Phone, c.Email, c.CreatedAt, c.CancelledAt))
            .ToListAsync(cancellationToken);
        var pending = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.UserId == userId)
            .OrderBy(d => d.DueAt)
            .Select(d => new { d.Title, d.Channel, d.DueAt, d.Status })
            .ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.Email.ToUpper() == email || i.InvitedBy == userId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new MyInvitationData(i.Email, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.InvitedBy == userId))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        var defaults = NotificationPreferences.Default(Guid.Empty, userId, data.CreatedAt);
        return new MyDataExport(
            clock.GetUtcNow().UtcDateTime,
            tenant.Tenant?.DisplayName ?? "Plattform",
            data,
            [new MyConsent("Mindestens 16 Jahre alt (Voraussetzung für E-Mail- und Push-Erinnerungen)", data.ConfirmedAtLeast16, data.ConfirmedAtLeast16At ?? data.CreatedAt), .. consents],
            [.. reminders.Select(r => ReminderViews.Summary(r, 0))],
            notifications,
            settings ?? new MyNotificationSettings(defaults.EmailEnabled, defaults.PushEnabled, defaults.QuietStart, defaults.QuietEnd, [], [], null),
            pushSubscriptions,
            [.. registrations.Select(r => new MyEventRegistrationData(r.PostId, r.Title, r.StartsAt, EventQueries.StatusName(r.Status), r.CreatedAt, r.UpdatedAt))],
            bookmarks,
            [.. contactRequests.Select(c => new MyContactRequestData(
                c.Id, ContactRequestTypes.Name(c.Type), c.Name, c.Email, c.Phone, c.Message, c.CreatedAt, c.DoneAt))],
            callbacks,
            [.. pending.Select(d => new MyPendingMessageData(d.Title, d.Channel.ToString(), d.DueAt, d.Status.ToString()))],
            invitations,
            await StaffWorkAsync(userId, cancellationToken));
    }

    /// <summary>What the person did as staff; empty for a young person's account.</summary>
    private async Task<List<MyWorkRecord>> StaffWorkAsync(Guid userId, CancellationToken cancellationToken)
    {
        var work = new List<MyWorkRecord>();
        work.AddRange(await db.Posts.AsNoTracking().Where(p => p.AuthorId == userId)
            .Select(p => new MyWorkRecord("post", p.Id, p.Content.Title, p.CreatedAt)).ToListAsync(cancellationToken));
        work.AddRange(await db.PostVersions.AsNoTracking().Where(v => v.AuthorId == userId)
            .Select(v => new MyWorkRecord("post-version", v.PostId, v.AuthorName, v.At)).ToListAsync(cancellationToken));
        work.AddRange(await db.PostTransitions.AsNoTracking().Where(t => t.ByUserId == userId)
            .Select(t => new MyWorkRecord("post-workflow-step", t.PostId, t.ByName + ": " + (t.Comment ?? ""), t.At)).ToListAsync(cancellationToken));
        work.AddRange(await db.PostTranslations.AsNoTracking().Where(t => t.AuthorId == userId)
            .Select(t => new MyWorkRecord("post-translation", t.PostId, t.Language + ": " + t.Text.Title, t.UpdatedAt)).ToListAsync(cancellationToken));
        work.AddRange(await db.PostTranslationVersions.AsNoTracking().Where(v => v.AuthorId == userId)
            .Select(v => new MyWorkRecord("post-translation-version", v.TranslationId, v.AuthorName, v.At)).ToListAsync(cancellationToken));
        work.AddRange(await db.LibraryItemVersions.AsNoTracking().Where(v => v.AuthorId == userId)
            .Select(v => new MyWorkRecord("library-version", v.LibraryItemId, v.Content.Title, v.CreatedAt)).ToListAsync(cancellationToken));
        work.AddRange(await db.LibraryCampaigns.AsNoTracking().Where(c => c.CreatedById == userId)
            .Select(c => new MyWorkRecord("library-campaign", c.Id, c.Title, c.CreatedAt)).ToListAsync(cancellationToken));
        work.AddRange(await db.LibraryCampaignOptIns.AsNoTracking().Where(o => o.OptedInById == userId)
            .Select(o => new MyWorkRecord("campaign-opt-in", o.CampaignId, "", o.CreatedAt)).ToListAsync(cancellationToken));
        work.AddRange(await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == userId)
            .Select(a => new MyWorkRecord("audit-entry", a.Id, a.Action + ": " + a.Details, a.At)).ToListAsync(cancellationToken));
        return [.. work.OrderBy(w => w.At)];
    }
}
