using System.Reflection;
using NetArchTest.Rules;
using Platform.Application.Posts;
using Platform.Domain.Posts;
using Platform.Web;

namespace Platform.Application.Tests.Architecture;

/// <summary>Dependencies point inwards: Domain ← Application ← Infrastructure; the front end uses Application only.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Post).Assembly;
    private static readonly Assembly Application = typeof(GetFeedQuery).Assembly;
    private static readonly Assembly Web = typeof(DateDisplay).Assembly;

    [Fact]
    public void The_domain_depends_on_nothing_of_ours_or_of_frameworks() =>
        AssertHolds(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "Platform.Application", "Platform.Infrastructure", "Platform.Web", "Platform.Api",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "Mediator").GetResult());

    [Fact]
    public void The_application_does_not_know_infrastructure_hosting_or_jobs() =>
        AssertHolds(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "Platform.Infrastructure", "Platform.Web", "Platform.Api", "Microsoft.AspNetCore", "Hangfire", "Npgsql",
            "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite").GetResult());

    [Fact]
    public void The_front_end_does_not_reach_into_infrastructure() =>
        AssertHolds(Types.InAssembly(Web).ShouldNot().HaveDependencyOnAny("Platform.Infrastructure", "Hangfire", "Microsoft.EntityFrameworkCore").GetResult());

    /// <summary>
    /// A use case names what it needs in its constructor; only the host composes. Work that must run as another tenant
    /// goes through <c>ITenantScopeRunner.SendAsync</c>, which sends a request instead of handing out a container.
    /// </summary>
    [Fact]
    public void No_application_type_pulls_services_from_a_container() =>
        AssertHolds(Types.InAssembly(Application).That().ResideInNamespaceStartingWith("Platform.Application")
            .ShouldNot().HaveDependencyOnAny(
                "System.IServiceProvider",
                "Microsoft.Extensions.DependencyInjection.IServiceScopeFactory",
                "Microsoft.Extensions.DependencyInjection.IServiceScope",
                "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions")
            .GetResult());

    private static void AssertHolds(TestResult result) =>
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
}
