namespace Platform.Application.Posts;

/// <summary>What a page needs to show a cover without layout shift: its size, and a version that changes with it.</summary>
public sealed record CoverImageInfo(int Width, int Height, string Version);
