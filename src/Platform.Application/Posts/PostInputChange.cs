using System.Diagnostics.CodeAnalysis;

namespace Platform.Application.Posts;

/// <summary>
/// A change of a post's or a library item's content: the new content, the version the editor started from (a stale
/// one is refused with 409 instead of overwriting someone's work), and whether the cover image goes.
/// </summary>
public abstract record PostInputChange : PostInput
{
    protected PostInputChange()
    {
    }

    [SetsRequiredMembers]
    protected PostInputChange(int baseVersion, PostInput content, bool removeCoverImage)
        : base(content)
    {
        BaseVersion = baseVersion;
        RemoveCoverImage = removeCoverImage;
    }

    public int BaseVersion { get; init; }

    /// <summary>Removes the current cover image (a new upload replaces it anyway).</summary>
    public bool RemoveCoverImage { get; init; }
}
