using Platform.Domain.Common;

namespace Platform.Domain.ContactRequests;

/// <summary>
/// An answer the jobcenter's team wrote to a contact request (issue 16), mailed in the jobcenter's name to the address
/// the person gave. It belongs to the request: staff of this jobcenter see it, and it goes with the request when the
/// retention period ends.
/// </summary>
public sealed class ContactAnswer : ITenantOwned
{
    public const int MaxTextLength = 4000;

    private ContactAnswer()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ContactRequestId { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The staff member's display name, shown to the team beside the answer.</summary>
    public string AuthorName { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the mail went out; null while it waits for the mail server.</summary>
    public DateTime? SentAt { get; private set; }

    /// <summary>The part before the <c>@</c> of the answer's Message-ID, the same on every try to send it.</summary>
    public string MessageIdLocalPart => MessageIdOf(Id);

    public static string MessageIdOf(Guid answerId) => $"answer-{answerId:N}";

    public static ContactAnswer Write(ContactRequest request, string text, string authorName, DateTime now)
    {
        if (request.Email.Length == 0)
        {
            throw new DomainException("contact.noEmail", "Diese Anfrage hat keine E-Mail-Adresse. Antworte bitte telefonisch.");
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("contact.answer", "Eine Antwort braucht einen Text.");
        }

        request.MarkAnswered(now);
        return new ContactAnswer
        {
            Id = Guid.CreateVersion7(),
            TenantId = request.TenantId,
            ContactRequestId = request.Id,
            Text = trimmed,
            AuthorName = authorName.Length > 200 ? authorName[..200] : authorName,
            CreatedAt = now,
        };
    }

    public void MarkSent(DateTime now) => SentAt ??= now;
}
