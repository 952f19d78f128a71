namespace Platform.Application.Accounts;

/// <remarks><paramref name="IsStaff"/>: holds a staff role: publishing then needs a second factor.</remarks>
public sealed record SecurityStatus(bool TwoFactorEnabled, int RecoveryCodesLeft, int PasskeyCount, bool IsStaff)
{
    /// <summary>A staff member can sign in with a second factor (an authenticator app or a passkey).</summary>
    public bool HasSecondFactor => TwoFactorEnabled || PasskeyCount > 0;

    public bool StaffWithoutSecondFactor => IsStaff && !HasSecondFactor;
}
