using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Identity's confirmation and reset tokens contain '+', '/' and '='. As Base64Url they stay intact in links and when
/// copied from an e-mail.
/// </summary>
public static class AccountCodes
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token inside a code, or null when the code is not Base64Url at all.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
