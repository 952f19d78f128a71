namespace Platform.Application.Posts;

/// <summary>A cover image file as served.</summary>
public sealed record CoverImageFile(string ContentType, byte[] Content, string Version);
