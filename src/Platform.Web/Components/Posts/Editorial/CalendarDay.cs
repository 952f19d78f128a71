namespace Platform.Web.Components.Posts.Editorial;

/// <summary>One Berlin calendar day: from its midnight to the next (UTC).</summary>
public sealed record CalendarDay(DateOnly Date, DateTime StartUtc, DateTime EndUtc)
{
    public TimeSpan Length => EndUtc - StartUtc;
}
