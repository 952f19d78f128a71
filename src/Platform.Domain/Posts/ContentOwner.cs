namespace Platform.Domain.Posts;

/// <summary>What a <see cref="PostContent"/> belongs to, for the codes and messages of its rules.</summary>
public enum ContentOwner
{
    Post,
    LibraryItem,
}
