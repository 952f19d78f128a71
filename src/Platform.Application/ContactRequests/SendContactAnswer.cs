using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// Mails one answer of the team. Returns false when there is nothing to send: the answer (with its request) was
/// deleted meanwhile, or it went out already. The Message-ID is the same on every try, so a mail sent again after a
/// crash is recognised as the same one.
/// </summary>
public sealed record SendContactAnswerCommand(Guid AnswerId) : ICommand<bool>;

public sealed class SendContactAnswerHandler(IAppDbContext db, ICurrentTenant tenant, IEmailSender email, TimeProvider clock)
    : ICommandHandler<SendContactAnswerCommand, bool>
{
    public async ValueTask<bool> Handle(SendContactAnswerCommand command, CancellationToken cancellationToken)
    {
        var answer = await db.ContactAnswers.SingleOrDefaultAsync(a => a.Id == command.AnswerId, cancellationToken);
        if (answer is null || answer.SentAt is not null)
        {
            return false;
        }

        var request = await db.ContactRequests.AsNoTracking().SingleAsync(r => r.Id == answer.ContactRequestId, cancellationToken);
        var earlier = await db.ContactAnswers.AsNoTracking()
            .Where(a => a.ContactRequestId == request.Id && a.CreatedAt < answer.CreatedAt)
            .OrderBy(a => a.CreatedAt)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        await email.SendAsync(Compose(tenant.Tenant, request, answer, earlier), cancellationToken);
        answer.MarkSent(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The answer in the jobcenter's name, in the language the person wrote in, replies going to the team. It refers
    /// to the confirmation and the earlier answers (the thread), and quotes nothing the person wrote.
    /// </summary>
    public static EmailMessage Compose(TenantInfo? tenant, ContactRequest request, ContactAnswer answer, IReadOnlyList<Guid> earlierAnswers)
    {
        var culture = EmailText.Culture(request.Language);
        List<EmailBlock> blocks = [new EmailParagraph(string.Format(culture, EmailText.Get("Contact.AnswerIntro", culture), tenant?.DisplayName ?? BrandedEmail.PlatformName))];
        blocks.AddRange(answer.Text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => new EmailParagraph(paragraph)));
        blocks.Add(new EmailParagraph(EmailText.Get("Contact.AnswerReply", culture)));
        return BrandedEmail.Compose(tenant, request.Email, EmailText.Get("Contact.AnswerSubject", culture), blocks, culture) with
        {
            MessageIdLocalPart = answer.MessageIdLocalPart,
            ReferencesLocalParts = [request.ThreadMessageIdLocalPart, .. earlierAnswers.Select(ContactAnswer.MessageIdOf)],
            WrittenByPerson = true,
        };
    }
}
