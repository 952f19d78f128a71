namespace Platform.Application.Accounts;

/// <summary>
/// Which features a person may use on the strength of their own consent. Under 16 (or not confirmed), consent-based
/// channels such as e-mail and push reminders stay off (GDPR Art. 8 with the German age of 16).
/// </summary>
public static class ConsentRules
{
    public static bool CanUseConsentBasedChannels(AccountData account) =>
        CanUseConsentBasedChannels(account.ConfirmedAtLeast16);

    public static bool CanUseConsentBasedChannels(bool confirmedAtLeast16) => confirmedAtLeast16;
}
