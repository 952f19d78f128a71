using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Posts;

/// <summary>
/// A topic a jobcenter adds next to the five fixed ones (ADR-017). Posts keep their topics as flags; a tenant topic
/// is the bit <c>1 &lt;&lt; Bit</c>, with <see cref="Bit"/> between <see cref="FirstBit"/> and <see cref="LastBit"/>.
/// </summary>
public sealed partial class TenantTopic : ITenantOwned
{
    public const int FirstBit = 5;
    public const int LastBit = 30;
    public const int MaxNameLength = 40;
    public const int MaxSlugLength = 40;

    private TenantTopic()
    {
    }

    public Guid TenantId { get; private set; }

    public int Bit { get; private set; }

    /// <summary>Lowercase a-z, 0-9 and '-'; unique per tenant; used in addresses (<c>?topic=slug</c>) and the API.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>The German display name, shown as entered (not translated).</summary>
    public string Name { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public Topics Flag => (Topics)(1 << Bit);

    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(slug) && !TopicNames.TryParse(slug, out _);

    public static TenantTopic Create(Guid tenantId, int bit, string slug, string name, DateTime now)
    {
        if (bit is < FirstBit or > LastBit)
        {
            throw new ArgumentOutOfRangeException(nameof(bit));
        }

        return new() { TenantId = tenantId, Bit = bit, Slug = slug, Name = name.Trim(), CreatedAt = now };
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
