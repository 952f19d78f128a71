using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>One numbered version of a translation, kept for the history.</summary>
public sealed class PostTranslationVersion : ITenantOwned
{
    private PostTranslationVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid TranslationId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The <see cref="TranslationText"/> as JSON.</summary>
    public string Snapshot { get; private set; } = "";

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public DateTime At { get; private set; }

    internal static PostTranslationVersion Of(PostTranslation translation, PostActor by, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = translation.TenantId,
        TranslationId = translation.Id,
        Number = translation.ContentVersion,
        Snapshot = translation.Text.ToSnapshot(),
        AuthorId = by.Id,
        AuthorName = by.Name,
        At = at,
    };
}
