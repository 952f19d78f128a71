namespace Platform.Domain.Posts;

/// <summary>What a pinned link on the jobcenter's link page (<c>/links</c>) opens.</summary>
public enum PinnedLinkKind
{
    /// <summary>A post of the jobcenter; shown while it is published.</summary>
    Post,

    /// <summary>An event (a post with a date); shown while it is published.</summary>
    Event,

    /// <summary>The jobcenter's contact page.</summary>
    Contact,

    /// <summary>An <c>https://</c> address of the jobcenter's own, for example online appointments.</summary>
    External,
}
