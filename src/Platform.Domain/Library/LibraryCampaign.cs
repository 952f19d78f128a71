using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Library;

/// <summary>
/// A publication date the network team proposes for a published library item (for example before the apprenticeship
/// start on 1 August). Shared, not owned by a tenant. Jobcenters opt in (<see cref="LibraryCampaignOptIn"/>); their
/// adopted post is scheduled for the date when it is approved under their own review rule.
/// </summary>
public sealed class LibraryCampaign : ISharedEntity
{
    public const int TitleMaxLength = 200;

    public const int NoteMaxLength = 2000;

    private LibraryCampaign()
    {
    }

    public Guid Id { get; private set; }

    public Guid LibraryItemId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Note { get; private set; }

    /// <summary>The proposed publication time, UTC (entered and shown in Europe/Berlin).</summary>
    public DateTime PublishAt { get; private set; }

    public Guid CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>A campaign for a published item, at a future time.</summary>
    public static LibraryCampaign Create(LibraryItem item, string title, string? note, DateTime publishAt, PostActor by, DateTime now)
    {
        if (item.PublishedVersion is null)
        {
            throw new DomainException("campaign.itemNotPublished", "Eine Kampagne gibt es nur für einen freigegebenen Bibliothekseintrag.");
        }

        var campaign = new LibraryCampaign
        {
            Id = Guid.CreateVersion7(),
            LibraryItemId = item.Id,
            CreatedById = by.Id,
            CreatedByName = by.Name.Length > 120 ? by.Name[..120] : by.Name,
            CreatedAt = now,
        };
        campaign.Change(title, note, publishAt, now);
        return campaign;
    }

    /// <summary>
    /// Changes the texts or moves the date. Jobcenters that opted in are not moved along: they see the new date next to
    /// their own and decide (ADR-014).
    /// </summary>
    public void Change(string title, string? note, DateTime publishAt, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("campaign.title", "Eine Kampagne braucht einen Titel.");
        }

        if (publishAt <= now)
        {
            throw new DomainException("campaign.publishAt", "Der Termin der Kampagne muss in der Zukunft liegen.");
        }

        Title = title.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        PublishAt = DateTime.SpecifyKind(publishAt, DateTimeKind.Utc);
        UpdatedAt = now;
        Version++;
    }
}
