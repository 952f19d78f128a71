namespace Platform.Application.Posts;

/// <summary>Size of an image as it is shown (EXIF orientation applied).</summary>
public sealed record ImageSize(int Width, int Height);
