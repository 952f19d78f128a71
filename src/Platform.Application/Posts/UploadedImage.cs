namespace Platform.Application.Posts;

/// <summary>
/// An uploaded image as the platform stores it: decoded completely and encoded again by the platform, so that what is
/// kept is what the decoder produced, not the bytes someone sent.
/// </summary>
public sealed record UploadedImage(string ContentType, byte[] Content, int Width, int Height);
