namespace Platform.Application.Accounts;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown address, wrong password, or (with the right password) an address not confirmed yet: one answer for all.</summary>
    Failed,

    /// <summary>The password is right, but wrong second-factor codes have locked the account for a while.</summary>
    LockedOut,

    /// <summary>A passkey of an account whose e-mail address is not confirmed yet.</summary>
    NotAllowed,

    /// <summary>Too many failed attempts from this client for this address: wait <see cref="PasswordSignInResult.RetryAfter"/>.</summary>
    TooManyAttempts,

    /// <summary>The password is right; the account asks for a code of its authenticator app (or a recovery code).</summary>
    RequiresSecondFactor,

    /// <summary>The code of the second factor was wrong (or already used, for a recovery code).</summary>
    SecondFactorInvalid,
}
