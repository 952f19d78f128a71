using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// Staff answer a contact request by e-mail (issue 16): the answer is kept on the request, marks it answered, and is
/// mailed in the jobcenter's name from a job. Another jobcenter's request is not found; one without an e-mail address
/// is a conflict (answer by phone).
/// </summary>
public sealed record AnswerContactRequestCommand(Guid RequestId, string Text) : ICommand<ContactAnswerItem>;

public sealed record ContactAnswerItem(Guid Id, string Text, string AuthorName, DateTime CreatedAt, DateTime? SentAt);

public sealed class AnswerContactRequestValidator : AbstractValidator<AnswerContactRequestCommand>
{
    public AnswerContactRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Text).NotEmpty().WithMessage("Bitte schreibe eine Antwort.")
            .MaximumLength(ContactAnswer.MaxTextLength).WithMessage($"Die Antwort hat höchstens {ContactAnswer.MaxTextLength} Zeichen.")
            .OverridePropertyName("text");
    }
}

public sealed class AnswerContactRequestHandler(IAppDbContext db, ICurrentUser actor, TimeProvider clock, IContactAnswerQueue queue)
    : ICommandHandler<AnswerContactRequestCommand, ContactAnswerItem>
{
    public async ValueTask<ContactAnswerItem> Handle(AnswerContactRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests.SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
            ?? throw new NotFoundException("Anfrage", command.RequestId);
        var answer = ContactAnswer.Write(request, command.Text, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.ContactAnswers.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(answer.Id);
        return answer.Item();
    }
}

/// <summary>Sends a team's answer from a job, so that staff never wait for (or fail because of) the mail server.</summary>
public interface IContactAnswerQueue
{
    void Enqueue(Guid answerId);
}

public static class ContactAnswerItems
{
    public static ContactAnswerItem Item(this ContactAnswer answer) => new(answer.Id, answer.Text, answer.AuthorName, answer.CreatedAt, answer.SentAt);
}
