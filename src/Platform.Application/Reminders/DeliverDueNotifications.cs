using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.ContactRequests;
using Platform.Application.Resources;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;

namespace Platform.Application.Reminders;

/// <summary>
/// One batch of the delivery engine for the current tenant: claims up to <see cref="BatchSize"/> due messages, writes
/// the in-app ones in one transaction, sends the e-mails over one SMTP connection and the pushes, and marks each
/// message as it goes.
/// </summary>
/// <remarks>
/// The claim is a conditional update (token and lease) that works on every provider: of two workers only one gets a
/// row. A worker that dies leaves its claim behind; once the lease has passed another worker takes the rows over. Each
/// e-mail is marked sent right after the server accepted it (conditional on the claim token; the mark travels while the
/// next message is sent), so a crash can repeat at most the one or two messages in flight per connection (at-least-once,
/// as SMTP itself); their Message-ID is stable so that they can be recognised. In-app notifications are written together with their marks and are unique per delivery.
/// </remarks>
public sealed record DeliverDueNotificationsCommand(int BatchSize, TimeSpan Lease) : ICommand<DeliveryBatchResult>;

public sealed record DeliveryBatchResult(int Claimed, int Sent, int Skipped, int Retried, int Postponed)
{
    public static readonly DeliveryBatchResult None = new(0, 0, 0, 0, 0);
}

public sealed class DeliverDueNotificationsHandler(
    IAppDbContext db,
    ICurrentTenant tenant,
    IRecipientDirectory directory,
    IEmailBatchSender email,
    IPushSender push,
    IUnsubscribeTokens tokens,
    ICallbackCancelTokens callbackTokens,
    ITenantLinks links,
    TimeProvider clock,
    PlatformMetrics metrics) : ICommandHandler<DeliverDueNotificationsCommand, DeliveryBatchResult>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    public async ValueTask<DeliveryBatchResult> Handle(DeliverDueNotificationsCommand command, CancellationToken cancellationToken)
    {
        var tenantInfo = tenant.Tenant ?? throw new TenantRequiredException();
        if (tenantInfo.Status == TenantStatus.Suspended)
        {
            return DeliveryBatchResult.None;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var candidates = db.ReminderDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.DueAt)
            .Select(d => d.Id)
            .Take(command.BatchSize);
        var claimed = await db.ReminderDeliveries
            .Where(d => candidates.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntil, now + command.Lease).SetProperty(d => d.Attempts, d => d.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return DeliveryBatchResult.None;
        }

        var deliveries = await db.ReminderDeliveries.Where(d => d.ClaimToken == token && d.Status == DeliveryStatus.Pending).ToListAsync(cancellationToken);
        var userIds = deliveries.Where(d => d.UserId != null).Select(d => d.UserId!.Value).Distinct().ToList();
        var recipients = await directory.FindAsync(userIds, cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);

        // A booked callback's reminder goes to the booking's address while the booking stands (ReminderDelivery.ForCallback).
        var bookingIds = deliveries.Where(d => d.CallbackBookingId != null).Select(d => d.CallbackBookingId!.Value).ToList();
        var bookings = bookingIds.Count == 0
            ? new Dictionary<Guid, Domain.ContactRequests.CallbackBooking>()
            : await db.CallbackBookings.AsNoTracking()
                .Where(b => bookingIds.Contains(b.Id) && b.CancelledAt == null && b.Email != "")
                .ToDictionaryAsync(b => b.Id, cancellationToken);

        var outcome = new Tally(metrics, tenantInfo.Id);
        var emails = new List<(ReminderDelivery Delivery, EmailMessage Message)>();
        var pushes = new List<ReminderDelivery>();
        var inAppIds = deliveries.Where(d => d.Channel == NotificationChannel.InApp).Select(d => (Guid?)d.Id).ToList();
        var written = (await db.Notifications.AsNoTracking()
            .Where(n => inAppIds.Contains(n.DeliveryId))
            .Select(n => n.DeliveryId!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();

        foreach (var delivery in deliveries)
        {
            if (delivery.CallbackBookingId is { } bookingId)
            {
                if (bookings.GetValueOrDefault(bookingId) is { } booking && booking.SlotStart > now)
                {
                    emails.Add((delivery, CallbackEmails.ReminderMail(
                        tenantInfo, delivery, booking.Email, CallbackEmails.CancelLink(links, callbackTokens, tenantInfo, bookingId))));
                }
                else
                {
                    delivery.MarkSkipped(now);
                    outcome.Count(delivery, DeliveryOutcome.Skipped);
                }

                continue;
            }

            var recipient = delivery.UserId is { } id ? recipients.GetValueOrDefault(id) : null;
            var allowed = delivery.UserId is null
                ? delivery.Channel == NotificationChannel.Push
                : recipient is not null
                    && (!delivery.Kind.IsStaffKind() || StaffAlertAudience.Entitled(delivery.Kind, recipient.StaffRoles))
                    && (delivery.Channel == NotificationChannel.InApp
                        || (preferences.GetValueOrDefault(recipient.Id)?.Allows(delivery.Channel, delivery.Kind, recipient.ConfirmedAtLeast16) ?? false));
            if (!allowed || (delivery.Channel == NotificationChannel.Email && recipient is not { EmailConfirmed: true }))
            {
                delivery.MarkSkipped(now);
                outcome.Count(delivery, DeliveryOutcome.Skipped);
                continue;
            }

            switch (delivery.Channel)
            {
                case NotificationChannel.InApp:
                    if (!written.Contains(delivery.Id))
                    {
                        db.Notifications.Add(Notification.FromDelivery(delivery, recipient!.Id, now));
                    }

                    delivery.MarkSent(now);
                    outcome.Count(delivery, DeliveryOutcome.Sent);
                    break;
                case NotificationChannel.Email:
                    emails.Add((delivery, NotificationMail(tenantInfo, delivery, recipient!)));
                    break;
                default:
                    var quiet = delivery.UserId is { } user && preferences.TryGetValue(user, out var p) ? p.QuietHours : QuietHours.Default;
                    var allowedAt = quiet.Delay(now);
                    if (allowedAt > now)
                    {
                        delivery.MoveTo(allowedAt);
                        outcome.Count(delivery, DeliveryOutcome.Postponed);
                    }
                    else
                    {
                        pushes.Add(delivery);
                    }

                    break;
            }
        }

        if (!await TrySaveAsync(cancellationToken))
        {
            return outcome.Result(claimed);
        }

        if (emails.Count > 0 && !await SendEmailsAsync(tenantInfo, emails, token, command.Lease, outcome, cancellationToken))
        {
            return outcome.Result(claimed);
        }

        if (pushes.Count > 0)
        {
            await SendPushesAsync(tenantInfo, pushes, outcome, cancellationToken);
        }

        return outcome.Result(claimed);
    }

    private async Task<bool> SendEmailsAsync(
        TenantInfo tenantInfo,
        List<(ReminderDelivery Delivery, EmailMessage Message)> emails,
        Guid claimToken,
        TimeSpan lease,
        Tally outcome,
        CancellationToken cancellationToken)
    {
        IEmailBatch batch;
        try
        {
            batch = await email.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The mail server is down: all of them again in a minute.
            var retryAt = clock.GetUtcNow().UtcDateTime + RetryDelay;
            foreach (var (delivery, _) in emails)
            {
                delivery.Retry(retryAt);
                outcome.Count(delivery, DeliveryOutcome.Retried);
            }

            return await TrySaveAsync(cancellationToken);
        }

        await using (batch)
        {
            var remaining = emails.Count;
            var renewAt = clock.GetUtcNow().UtcDateTime + (lease / 2);

            // The mark of one message travels to the database while the next one goes to the mail server: at most one
            // accepted message is unmarked at any moment.
            var previousMark = Task.FromResult(true);
            foreach (var (delivery, message) in emails)
            {
                // A slow batch keeps its claim; if another worker has taken rows over meanwhile, this one stops before
                // sending anything that is no longer its own.
                if (clock.GetUtcNow().UtcDateTime >= renewAt)
                {
                    if (!await previousMark)
                    {
                        return false;
                    }

                    previousMark = Task.FromResult(true);
                    var now = clock.GetUtcNow().UtcDateTime;
                    var renewed = await db.ReminderDeliveries
                        .Where(d => d.ClaimToken == claimToken && d.Status == DeliveryStatus.Pending && d.Channel == NotificationChannel.Email)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, now + lease), cancellationToken);
                    if (renewed < remaining)
                    {
                        return false;
                    }

                    renewAt = now + (lease / 2);
                }

                remaining--;
                try
                {
                    await batch.SendAsync(message, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // This one again later; the others of the batch stay claimed and are taken over after the lease.
                    if (await previousMark)
                    {
                        delivery.Retry(clock.GetUtcNow().UtcDateTime + RetryDelay);
                        outcome.Count(delivery, DeliveryOutcome.Retried);
                        await TrySaveAsync(cancellationToken);
                    }

                    return false;
                }

                if (!await previousMark)
                {
                    return false;
                }

                outcome.Count(delivery, DeliveryOutcome.Sent);
                previousMark = MarkSentAsync(delivery.Id, claimToken, cancellationToken);
            }

            return await previousMark;
        }
    }

    /// <summary>A notification to an account: its text, the link into the app and the unsubscribe links of its kind.</summary>
    private EmailMessage NotificationMail(TenantInfo tenantInfo, ReminderDelivery delivery, Recipient recipient)
    {
        var unsubscribeToken = tokens.Create(tenantInfo.Id, new UnsubscribeTarget(recipient.Id, NotificationChannel.Email, null, delivery.Kind));
        var unsubscribe = UnsubscribePage(tenantInfo, unsubscribeToken);
        var culture = EmailText.Culture(delivery.Language);
        return BrandedEmail.Compose(
            tenantInfo,
            recipient.Email,
            delivery.Title,
            [
                new EmailParagraph(delivery.Text),
                new EmailButton(EmailText.Get("Notify.OpenInApp", culture), links.Link(tenantInfo, delivery.Link)),
                new EmailParagraph(delivery.Kind.IsStaffKind()
                    ? StaffText.Get("Unsubscribe.Note")
                    : EmailText.Get("Notify.UnsubscribeNote." + delivery.Kind, culture)),
                new EmailButton(
                    delivery.Kind.IsStaffKind() ? StaffText.Get("Unsubscribe.Button") : EmailText.Get("Notify.Unsubscribe." + delivery.Kind, culture),
                    unsubscribe),
            ],
            culture) with
        {
            UnsubscribeUrl = unsubscribe,
            OneClickUnsubscribeUrl = links.Link(tenantInfo, "/api/v1/notifications/unsubscribe/one-click?token=" + Uri.EscapeDataString(unsubscribeToken)),
            MessageIdLocalPart = $"{delivery.Id:N}.{tenantInfo.Slug}.notifications",
        };
    }

    /// <summary>Marks one message sent, only while this worker still holds its claim.</summary>
    private async Task<bool> MarkSentAsync(Guid deliveryId, Guid claimToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ReminderDeliveries
            .Where(d => d.Id == deliveryId && d.ClaimToken == claimToken && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now).SetProperty(d => d.ClaimedUntil, (DateTime?)null),
                cancellationToken) == 1;
    }

    /// <remarks>
    /// A subscription is tried at most once per batch: after a failure its other messages of the batch wait for the
    /// retry, so <see cref="PushSubscription.FailedAttempts"/> counts passes, not messages. A subscription that failed
    /// <see cref="PushSubscription.MaxFailedAttempts"/> passes in a row, that the push service calls gone (404/410) or
    /// that the platform will not send to is deleted with its pending messages, after the batch's marks are saved.
    /// </remarks>
    private async Task SendPushesAsync(TenantInfo tenantInfo, List<ReminderDelivery> pushes, Tally outcome, CancellationToken cancellationToken)
    {
        var userIds = pushes.Where(d => d.UserId != null).Select(d => d.UserId).Distinct().ToList();
        var subscriptionIds = pushes.Where(d => d.PushSubscriptionId != null).Select(d => d.PushSubscriptionId).Distinct().ToList();
        var subscriptions = await db.PushSubscriptions
            .Where(s => (s.UserId != null && userIds.Contains(s.UserId)) || subscriptionIds.Contains(s.Id))
            .ToListAsync(cancellationToken);
        var failedThisPass = new HashSet<Guid>();
        var deliveredThisPass = new HashSet<Guid>();
        var givenUp = new HashSet<Guid>();

        foreach (var delivery in pushes)
        {
            var targets = delivery.UserId is { } user
                ? subscriptions.Where(s => s.UserId == user).ToList()
                : subscriptions.Where(s => s.Id == delivery.PushSubscriptionId).ToList();
            var sent = 0;
            var failed = 0;
            foreach (var target in targets.Where(t => !givenUp.Contains(t.Id)))
            {
                if (failedThisPass.Contains(target.Id))
                {
                    failed++;
                    continue;
                }

                var unsubscribe = UnsubscribePage(
                    tenantInfo,
                    tokens.Create(
                        tenantInfo.Id,
                        target.UserId is { } owner
                            ? new UnsubscribeTarget(owner, NotificationChannel.Push, null, delivery.Kind)
                            : new UnsubscribeTarget(null, NotificationChannel.Push, target.Id)));
                var result = await push.SendAsync(
                    new PushMessage(target.Endpoint, target.P256dh, target.Auth, delivery.Title, delivery.Text, links.Link(tenantInfo, delivery.Link), unsubscribe,
                        EmailText.Normalize(delivery.Language), EmailText.Get("Notify.PushUnsubscribe", EmailText.Culture(delivery.Language))),
                    cancellationToken);
                switch (result)
                {
                    case PushOutcome.Sent:
                        sent++;
                        if (deliveredThisPass.Add(target.Id))
                        {
                            target.Delivered();
                        }

                        break;
                    case PushOutcome.Gone or PushOutcome.Rejected:
                        givenUp.Add(target.Id);
                        break;
                    case PushOutcome.Failed:
                        failed++;
                        failedThisPass.Add(target.Id);
                        if (target.Failed())
                        {
                            givenUp.Add(target.Id);
                        }

                        break;
                }
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (sent > 0)
            {
                delivery.MarkSent(now);
                outcome.Count(delivery, DeliveryOutcome.Sent);
            }
            else if (failed > 0 && targets.Any(t => !givenUp.Contains(t.Id)))
            {
                delivery.Retry(now + RetryDelay);
                outcome.Count(delivery, DeliveryOutcome.Retried);
            }
            else
            {
                delivery.MarkSkipped(now);
                outcome.Count(delivery, DeliveryOutcome.Skipped);
            }

            if (!await TrySaveAsync(cancellationToken))
            {
                return;
            }
        }

        foreach (var subscriptionId in givenUp)
        {
            await PushSubscriptionRemoval.RemoveAsync(db, subscriptionId, cancellationToken);
        }
    }

    private Uri UnsubscribePage(TenantInfo tenantInfo, string token) =>
        links.Link(tenantInfo, "/abmelden-benachrichtigung?token=" + Uri.EscapeDataString(token));

    /// <summary>False when another worker has taken the claim over (our lease ran out): then this worker stops.</summary>
    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>The batch's outcomes, each also counted on the platform's meter by channel.</summary>
    private sealed class Tally(PlatformMetrics metrics, Guid tenantId)
    {
        private readonly int[] _counts = new int[4];

        public void Count(ReminderDelivery delivery, DeliveryOutcome outcome)
        {
            _counts[(int)outcome]++;
            metrics.Delivery(tenantId, delivery.Channel, outcome);
        }

        public DeliveryBatchResult Result(int claimed) => new(
            claimed,
            _counts[(int)DeliveryOutcome.Sent],
            _counts[(int)DeliveryOutcome.Skipped],
            _counts[(int)DeliveryOutcome.Retried],
            _counts[(int)DeliveryOutcome.Postponed]);
    }
}
