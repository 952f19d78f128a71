using System.Buffers.Text;
using System.Security.Cryptography;

namespace Platform.Application.Reminders;

/// <summary>
/// The keys a browser subscribes with (RFC 8291): <c>p256dh</c> an uncompressed P-256 point, <c>auth</c> a 16-byte
/// secret, both base64url. A key that is not one of these can never be encrypted to, so it is refused at the door
/// instead of failing every delivery.
/// </summary>
public static class PushKeys
{
    public const int AuthLength = 16;

    private const int PointLength = 65;

    public static bool IsP256dh(string? value)
    {
        if (Decode(value) is not { Length: PointLength } point || point[0] != 0x04)
        {
            return false;
        }

        try
        {
            // The import checks that the point lies on the curve (OpenSSL and CNG both refuse one that does not).
            using var key = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33], Y = point[33..] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static bool IsAuth(string? value) => Decode(value) is { Length: AuthLength };

    private static byte[]? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return null;
        }

        // Browsers send base64url without padding; some libraries add it.
        var trimmed = value.TrimEnd('=');
        return Base64Url.IsValid(trimmed) ? Base64Url.DecodeFromChars(trimmed) : null;
    }
}
