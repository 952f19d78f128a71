using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Platform.Domain.Common;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Architecture;

/// <summary>Walks the EF model: no entity may skip the tenant wall without saying so.</summary>
public sealed class ModelIsolationTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>
    /// Identity's claim, login, token, passkey and role-link tables are the one exception: they are only ever read
    /// through their account (UserManager loads the account through the tenant filter first), so each must hang
    /// on a required, cascading relationship to a tenant-owned or shared entity. Data Protection's key ring is the other:
    /// the platform's own, read by Data Protection alone (ADR-029), and a framework type that cannot be marked.
    /// </summary>
    [Fact]
    public void Every_entity_is_tenant_owned_shared_or_a_required_dependent_of_one()
    {
        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        static bool Decided(IReadOnlyEntityType t) =>
            typeof(ITenantOwned).IsAssignableFrom(t.ClrType) || typeof(ISharedEntity).IsAssignableFrom(t.ClrType);

        var undecided = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !Decided(t) && t.ClrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey))
            .Where(t => !(t.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true
                && t.GetForeignKeys().Any(fk => fk.IsRequired && fk.DeleteBehavior == DeleteBehavior.Cascade && Decided(fk.PrincipalEntityType))))
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(undecided);
    }

    [Fact]
    public void Every_tenant_owned_entity_has_the_tenant_query_filter()
    {
        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => t.FindDeclaredQueryFilter(PlatformDbContext.TenantFilter) is null)
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(unfiltered);
    }

    [Fact]
    public void Every_tenant_owned_table_has_a_key_or_index_that_starts_with_TenantId()
    {
        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var unindexed = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => !t.GetIndexes().Select(i => i.Properties).Concat(t.GetKeys().Select(k => k.Properties))
                .Any(columns => columns[0].Name == nameof(ITenantOwned.TenantId)))
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(unindexed);
    }
}
