using Platform.Application.Accounts;

namespace Platform.Application.Tests.Accounts;

public sealed class ConsentRulesTests
{
    private static AccountData Account(bool confirmedAtLeast16) =>
        new(Guid.NewGuid(), "a@example.org", true, "A", confirmedAtLeast16, confirmedAtLeast16 ? DateTime.UnixEpoch : null,
            DateTime.UnixEpoch, [], false, 0, []);

    [Fact]
    public void Without_the_16_plus_confirmation_consent_based_channels_stay_off() =>
        Assert.False(ConsentRules.CanUseConsentBasedChannels(Account(confirmedAtLeast16: false)));

    [Fact]
    public void With_the_16_plus_confirmation_consent_based_channels_may_be_used() =>
        Assert.True(ConsentRules.CanUseConsentBasedChannels(Account(confirmedAtLeast16: true)));
}
