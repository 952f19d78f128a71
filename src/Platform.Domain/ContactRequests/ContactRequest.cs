using Platform.Domain.Common;

namespace Platform.Domain.ContactRequests;

/// <summary>
/// A message from the contact form to the jobcenter's staff inbox. It holds only what the sender chose to give and is
/// deleted after the tenant's retention period.
/// </summary>
public sealed class ContactRequest : ITenantOwned
{
    public const int MaxMessageLength = 2000;

    /// <summary>How long requests are kept unless the tenant sets otherwise.</summary>
    public const int DefaultRetentionDays = 90;

    public const int MinRetentionDays = 7;

    public const int MaxRetentionDays = 365;

    private ContactRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public ContactRequestType Type { get; private set; }

    /// <summary>A name or nickname, if the sender gave one.</summary>
    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string Phone { get; private set; } = "";

    public string Message { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>When staff marked it as done; null while open.</summary>
    public DateTime? DoneAt { get; private set; }

    public string DoneBy { get; private set; } = "";

    /// <summary>When the team last answered by e-mail (<see cref="ContactAnswer"/>); null while unanswered.</summary>
    public DateTime? AnsweredAt { get; private set; }

    /// <summary>
    /// The part before the <c>@</c> of the confirmation's Message-ID: the root of the thread that the team's answers
    /// refer to, so that the person's mail client shows them together.
    /// </summary>
    public string ThreadMessageIdLocalPart => $"contact-{Id:N}";

    /// <summary>The language the person wrote in (the page's), so the confirmation and the team's answer can use it.</summary>
    public string Language { get; private set; } = "de";

    public static ContactRequest Submit(
        Guid tenantId, ContactRequestType type, string? name, string? email, string? phone, string message, bool consent, DateTime now, string language = "de")
    {
        if (!consent)
        {
            throw new DomainException("contact.consent", "Without consent to processing, a request cannot be stored.");
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            throw new DomainException("contact.message", "A request needs a message.");
        }

        if (type == ContactRequestType.Callback && string.IsNullOrWhiteSpace(phone))
        {
            throw new DomainException("contact.phone", "A callback needs a phone number.");
        }

        if (type == ContactRequestType.Question && string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            throw new DomainException("contact.reply", "A question needs an e-mail address or a phone number for the answer.");
        }

        return new ContactRequest
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Type = type,
            Name = name?.Trim() ?? "",
            Email = email?.Trim() ?? "",
            Phone = phone?.Trim() ?? "",
            Message = message.Trim(),
            CreatedAt = now,
            Language = language,
        };
    }

    /// <summary>Marks the request as handled; marking it again changes nothing.</summary>
    public void MarkDone(string by, DateTime now)
    {
        if (DoneAt is not null)
        {
            return;
        }

        DoneAt = now;
        DoneBy = by;
    }

    public void MarkAnswered(DateTime now) => AnsweredAt = now;

    /// <summary>True when the request is older than the retention period and must be deleted.</summary>
    public static DateTime RetentionCutoff(int retentionDays, DateTime now) => now.AddDays(-retentionDays);
}
