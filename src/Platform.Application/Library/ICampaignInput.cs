namespace Platform.Application.Library;

/// <summary>The fields of a campaign, for creating and changing one.</summary>
public interface ICampaignInput
{
    string Title { get; }

    string? Note { get; }

    DateTime PublishAt { get; }
}
