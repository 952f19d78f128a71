using Platform.Domain.Common;

namespace Platform.Domain.Library;

/// <summary>A cover image of the library; versions refer to it by id, adopting copies it into the jobcenter's post.</summary>
public sealed class LibraryImage : ISharedEntity
{
    private LibraryImage()
    {
    }

    public Guid Id { get; private set; }

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public static LibraryImage Create(string contentType, byte[] content, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), ContentType = contentType, Content = content, CreatedAt = now };
}
