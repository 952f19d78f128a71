namespace Platform.Application.Tenants;

/// <summary>The embeddable widget (<c>/einbetten</c>), bound from <c>Platform:Embed</c> (ADR-027).</summary>
public sealed class EmbedOptions
{
    public const string Section = "Platform:Embed";

    /// <summary>
    /// Accept <c>http://</c> origins on loopback hosts (127.0.0.1, [::1], localhost) as allowed embedders, for a page
    /// served on a developer's machine or in a browser test. Off by default; the tests switch it on.
    /// An origin on any other host must be <c>https://</c> whatever this says.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }
}
