using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Tenants;

namespace Platform.Application.Tests.Tenants;

public sealed class OnboardTenantTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_admin_address_is_checked_once_before_the_jobcenter_is_created()
    {
        var addresses = new CountingAddressCheck();

        var result = await new OnboardTenantValidator(addresses).ValidateAsync(
            new OnboardTenantCommand("neu-jc", "Neu", null, "leitung@example.org"));

        Assert.True(result.IsValid);
        Assert.Equal(1, addresses.Calls);

        // The invitation the handler then sends as the new jobcenter is not validated again.
        using var scope = app.CreateScope();
        Assert.Empty(scope.ServiceProvider.GetServices<IValidator<InviteFirstTenantAdminCommand>>());
        Assert.NotEmpty(scope.ServiceProvider.GetServices<IValidator<InviteStaffCommand>>());
    }

    private sealed class CountingAddressCheck : IEmailAddressCheck
    {
        public int Calls { get; private set; }

        public Task<bool> CanDeliverAsync(string address, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(true);
        }
    }
}
