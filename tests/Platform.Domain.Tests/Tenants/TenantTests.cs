using Platform.Domain.Common;
using Platform.Domain.Tenants;

namespace Platform.Domain.Tests.Tenants;

public sealed class TenantTests
{
    [Theory]
    [InlineData("gross-gerau")]
    [InlineData("offenbach")]
    [InlineData("kjc")]
    [InlineData("main-kinzig-kreis-2")]
    public void Valid_slugs_are_accepted(string slug) => Assert.True(Tenant.IsValidSlug(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("ab")]
    [InlineData("Gross-Gerau")]
    [InlineData("groß-gerau")]
    [InlineData("-offenbach")]
    [InlineData("offenbach-")]
    [InlineData("off enbach")]
    [InlineData("www")]
    [InlineData("api")]
    [InlineData("admin")]
    [InlineData("jobs")]
    [InlineData("a-slug-that-is-much-longer-than-forty-chars")]
    public void Invalid_or_reserved_slugs_are_refused(string? slug) => Assert.False(Tenant.IsValidSlug(slug));

    [Fact]
    public void Hostnames_are_kept_lower_case()
    {
        var tenant = Tenant.Create("kjc", "KJC", new TenantBranding(), new TenantContact(), DateTime.UtcNow, ["Jobs.Example.ORG "]);

        Assert.Equal(["jobs.example.org"], tenant.HostnameList);
    }

    [Fact]
    public void Creating_a_tenant_with_a_bad_slug_throws() =>
        Assert.Throws<DomainException>(() => Tenant.Create("www", "X", new TenantBranding(), new TenantContact(), DateTime.UtcNow));
}
