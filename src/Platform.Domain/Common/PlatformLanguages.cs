namespace Platform.Domain.Common;

/// <summary>
/// The languages the platform offers (issue 14): its user interface, what it sends, and the translations of posts.
/// German first, the default; the others in the order of issue 14.
/// </summary>
public static class PlatformLanguages
{
    public const string Default = "de";

    public static readonly IReadOnlyList<string> Codes = ["de", "en", "ar", "uk", "tr", "ru", "fa"];

    /// <summary>The languages written from right to left.</summary>
    public static bool IsRightToLeft(string code) => code is "ar" or "fa";

    public static bool IsOffered(string? code) => code is not null && Codes.Contains(code, StringComparer.Ordinal);
}
