using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// The authenticator app's codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, six digits, two steps of clock drift
/// either way, like Identity's own <see cref="AuthenticatorTokenProvider{TUser}"/>), each accepted once: the time step
/// of the last accepted code of the current key is kept in Identity's user tokens table, and a code is accepted only for a later step.
/// A code someone saw over a shoulder or in a log is therefore worthless once its owner has used it, and of two
/// concurrent requests with the same code exactly one succeeds. Every TOTP check goes through here: sign-in (web
/// and API) and turning the app on (<see cref="UserManager{TUser}.VerifyTwoFactorTokenAsync"/>).
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(PlatformDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<PlatformUser>
{
    /// <summary>The user tokens row (<c>AspNetUserTokens</c>) with the last accepted time step.</summary>
    public const string LoginProvider = "[Platform]";

    public const string LastStepName = "AuthenticatorLastStep";

    private const int DriftSteps = 2;
    private const int StepSeconds = 30;

    public Task<string> GenerateAsync(string purpose, UserManager<PlatformUser> manager, PlatformUser user) =>
        // The app computes the codes; the server never sends one.
        Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PlatformUser> manager, PlatformUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PlatformUser> manager, PlatformUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit) || Base32Decode(key) is not { } secret)
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now + DriftSteps; step >= now - DriftSteps; step--)
        {
            if (CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
            {
                return await ClaimStepAsync(user.Id, MarkerName(secret), step);
            }
        }

        return false;
    }

    /// <summary>
    /// Records <paramref name="step"/> as used if it is later than the one recorded: one conditional UPDATE, so that of
    /// two concurrent requests only one changes the row (the database serialises writes to it). Steps are stored
    /// zero-padded to a fixed width, so comparing the strings compares the numbers on every provider.
    /// </summary>
    private async Task<bool> ClaimStepAsync(Guid userId, string name, long step)
    {
        var value = step.ToString("D20", CultureInfo.InvariantCulture);
#pragma warning disable CA1309 // Translated to SQL "<" on the column; equal-length digit strings compare the same in every collation.
        var claimed = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == name && string.Compare(t.Value, value) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value));
#pragma warning restore CA1309
        if (claimed == 1)
        {
            return true;
        }

        if (await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == name))
        {
            // This step (or a later one) was used already: a replay.
            return false;
        }

        // The first code of this account: the primary key lets only one of two concurrent inserts through.
        var row = new IdentityUserToken<Guid> { UserId = userId, LoginProvider = LoginProvider, Name = name, Value = value };
        db.UserTokens.Add(row);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// The marker belongs to the key it was used with: a new key (an app set up again) has never had a code used, so its
    /// first code is not refused because the old key's code of the same 30 seconds was.
    /// </summary>
    private static string MarkerName(byte[] secret) =>
        LastStepName + ":" + Convert.ToHexString(SHA256.HashData(secret), 0, 8);

    /// <summary>RFC 6238 with the defaults every authenticator app uses (RFC 4226 dynamic truncation).</summary>
    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it uses HMAC-SHA1; SHA-1's collision weakness does not affect HMAC.
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The shared key as Identity stores it: Base32 (RFC 4648) without padding.</summary>
    private static byte[]? Base32Decode(string key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('='))
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
