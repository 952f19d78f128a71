namespace Platform.Application.Posts;

/// <summary>Bound from <c>Platform:PostViews</c>: how this node buffers readings before it adds them to the database (ADR-031).</summary>
public sealed class PostViewOptions
{
    public const string Section = "Platform:PostViews";

    /// <summary>How often the node adds its buffered readings to the database; also the most a crash of the node can lose.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many (tenant, post, day) counters the buffer holds at most. Beyond it a reading of a new post is dropped and
    /// logged, so that a long database outage cannot grow the node's memory without bound.
    /// </summary>
    public int MaxPendingKeys { get; set; } = 100_000;
}
