using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Application.Resources;
using Platform.Domain.Common;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Posts;

/// <summary>
/// A publication attempt threw. Before the last attempt it is only recorded; after the last the post ends in
/// <see cref="PostStatus.Failed"/> with the reason, and its author gets an e-mail linking to the post in the editor.
/// </summary>
public sealed record RecordPublicationFailureCommand(Guid PostId, string Reason, int Attempt, bool Final) : ICommand<bool>;

public sealed class RecordPublicationFailureHandler(
    IAppDbContext db, ICurrentTenant tenant, TimeProvider clock, IAccountService accounts, IEmailSender email, ITenantLinks links, PlatformMetrics metrics, StaffAlerter alerts)
    : ICommandHandler<RecordPublicationFailureCommand, bool>
{
    public async ValueTask<bool> Handle(RecordPublicationFailureCommand command, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == command.PostId, cancellationToken);
        if (post is null || post.Status != PostStatus.Scheduled)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!command.Final)
        {
            db.PostJobRuns.Add(PostJobRun.Record(post.TenantId, post.Id, post.PublishAt, now, PostJobOutcome.Retrying, $"Versuch {command.Attempt} fehlgeschlagen: {command.Reason}"));
            await PostWorkflow.SaveAsync(db, cancellationToken);
            return false;
        }

        var scheduledFor = post.PublishAt;
        post.MarkFailed(command.Reason, now);
        post.AttachPublicationJob(null);
        db.PostJobRuns.Add(PostJobRun.Record(post.TenantId, post.Id, scheduledFor, now, PostJobOutcome.Failed, $"Nach {command.Attempt} Versuchen aufgegeben: {command.Reason}"));
        if (post.AuthorId != Guid.Empty)
        {
            // In the app and by push as the author chose; the e-mail below goes in any case.
            await alerts.AddAsync(
                new StaffAlert(
                    NotificationKind.PublicationFailed, post.Id, post.Version, StaffText.Get("PublicationFailed.Title"),
                    StaffText.Format("PublicationFailed.Text", post.Content.Title, command.Reason), $"/redaktion/beitraege/{post.Id}",
                    To: [post.AuthorId], MailedDirectly: true),
                cancellationToken);
        }

        await PostWorkflow.SaveAsync(db, cancellationToken);
        metrics.PublicationFailed(post.TenantId);

        var author = post.AuthorId == Guid.Empty ? null : await accounts.GetDataAsync(post.AuthorId, cancellationToken);
        if (author is not null)
        {
            await email.SendAsync(
                BrandedEmail.Compose(
                    tenant.Tenant,
                    author.Email,
                    $"Nicht veröffentlicht: {post.Content.Title}",
                    [
                        new EmailParagraph($"Hallo {author.DisplayName},"),
                        new EmailParagraph($"dein Beitrag „{post.Content.Title}“ sollte am {FormatBerlin(scheduledFor)} erscheinen, konnte aber nicht veröffentlicht werden."),
                        new EmailParagraph($"Grund: {command.Reason}"),
                        new EmailButton("Beitrag in der Redaktion öffnen", links.Link(tenant.Tenant, $"redaktion/beitraege/{post.Id}")),
                        new EmailParagraph("Du kannst ihn dort korrigieren und neu planen."),
                    ]),
                cancellationToken);
        }

        return true;
    }

    private static string FormatBerlin(DateTime? utc) =>
        utc is { } value ? BerlinTime.ToLocal(value).ToString("dd.MM.yyyy 'um' HH:mm 'Uhr'", CultureInfo.GetCultureInfo("de-DE")) : "–";
}
