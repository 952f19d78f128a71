using Microsoft.EntityFrameworkCore;
using Platform.Domain.Common;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Architecture;

/// <summary>Walks the EF model: no entity may skip the tenant wall without saying so.</summary>
public sealed class ModelIsolationTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public void Every_entity_is_either_tenant_owned_or_explicitly_shared()
    {
        using var db = database.Open(null);

        var undecided = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned())
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !typeof(ISharedEntity).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(undecided);
    }

    [Fact]
    public void Every_tenant_owned_entity_has_the_tenant_query_filter()
    {
        using var db = database.Open(null);

        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => t.FindDeclaredQueryFilter(PlatformDbContext.TenantFilter) is null)
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(unfiltered);
    }

    [Fact]
    public void Every_tenant_owned_table_has_an_index_that_starts_with_TenantId()
    {
        using var db = database.Open(null);

        var unindexed = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => !t.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.TenantId)))
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(unindexed);
    }
}
