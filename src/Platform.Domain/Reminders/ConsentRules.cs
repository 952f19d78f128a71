namespace Platform.Domain.Reminders;

/// <summary>
/// Which features a person may use on the strength of their own consent. Under 16 (or not confirmed), consent-based
/// channels such as e-mail and push reminders stay off (GDPR Art. 8 with the German age of 16). The one place of this rule.
/// </summary>
public static class ConsentRules
{
    public static bool MayConsentToReminders(bool confirmedAtLeast16) => confirmedAtLeast16;
}
