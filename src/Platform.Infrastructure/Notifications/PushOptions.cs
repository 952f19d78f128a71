namespace Platform.Infrastructure.Notifications;

/// <summary>Which push services the platform sends web push to (<c>Platform:Push</c>).</summary>
public sealed class PushOptions
{
    public const string Section = "Platform:Push";

    /// <summary>The browsers' push services: Firefox, Chrome/Android, Edge/Windows, Safari.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedHosts =
    [
        "*.push.services.mozilla.com",
        "fcm.googleapis.com",
        "*.notify.windows.com",
        "*.push.apple.com",
        "web.push.apple.com",
    ];

    /// <summary>
    /// Host names a push endpoint may have; <c>*.example.com</c> matches every sub-domain, <c>*</c> any host (still
    /// only public addresses). Unset: <see cref="DefaultAllowedHosts"/>.
    /// </summary>
    public string[]? AllowedHosts { get; set; }

    /// <summary>
    /// Tests only: also allow http and https endpoints on loopback (the tests' own push service). Refused at start in
    /// the Production environment.
    /// </summary>
    public bool AllowLoopbackForTests { get; set; }

    public IReadOnlyList<string> EffectiveAllowedHosts => AllowedHosts is { Length: > 0 } hosts ? hosts : DefaultAllowedHosts;
}
