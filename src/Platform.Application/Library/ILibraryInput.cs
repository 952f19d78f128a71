using Platform.Application.Posts;

namespace Platform.Application.Library;

/// <summary>The fields a NetworkEditor sends for a library item: the same as a post's.</summary>
public interface ILibraryInput : IPostInput;
