using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Platform.Application.Common;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// OWASP ASVS level 2: at least 8 characters, long passphrases allowed (up to 128), no composition rules, and
/// passwords from breach lists refused.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<PlatformUser>
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    private static readonly HashSet<string> CommonPasswords = LoadCommonPasswords();

    /// <summary>Short words that are only ever used with digits appended.</summary>
    private static readonly HashSet<string> CommonStems = new(StringComparer.Ordinal)
    {
        "", "passwort", "password", "hallo", "qwertz", "qwerty", "sommer", "winter", "test", "admin", "abc", "schatz", "liebe", "fussball",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        if (password is null || password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = ValidationMessages.Format("Accounts.PasswordTooLong", MaximumLength),
            }));
        }

        var normalized = password.Trim().ToLowerInvariant();

        // "passwort123" or "sommer2026!" are the listed word with a number or sign tacked on.
        var stem = normalized.TrimEnd("0123456789!?.,-_#*+ ".ToCharArray());
        var emailName = user.Email?.Split('@')[0].ToLowerInvariant();
        if (emailName is { Length: >= 3 } && normalized.Contains(emailName, StringComparison.Ordinal))
        {
            // Said as it is: "too easy to guess" left people puzzling over a passphrase that was long and unusual.
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsEmail",
                Description = ValidationMessages.Get("Accounts.PasswordContainsEmail"),
            }));
        }

        if (CommonPasswords.Contains(normalized) || CommonPasswords.Contains(stem) || CommonStems.Contains(stem))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = ValidationMessages.Get("Accounts.PasswordTooCommon"),
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Platform.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
