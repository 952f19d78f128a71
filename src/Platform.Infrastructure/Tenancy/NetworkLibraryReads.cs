using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// Sums <see cref="GetLibraryReadsQuery"/> over every jobcenter, each asked as itself (its own scope, its row-level
/// security), so no query ever reads two tenants' rows at once: one small indexed query per jobcenter, on the
/// editorial figures page only. The sums are network-wide; no jobcenter's own part leaves it.
/// </summary>
public sealed class NetworkLibraryReads(ITenantScopeRunner tenants) : INetworkLibraryReads
{
    public async Task<IReadOnlyDictionary<Guid, NetworkReads>> ReadsAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<Guid, NetworkReads>();
        await tenants.ForEachTenantAsync("Network library reads", async (tenant, ct) =>
        {
            foreach (var item in await tenants.SendAsync(tenant.Id, new GetLibraryReadsQuery(firstDay, lastDay), ct))
            {
                var sum = sums.GetValueOrDefault(item.ItemId, new NetworkReads(0, 0));
                sums[item.ItemId] = new NetworkReads(sum.Reads + item.Reads, sum.Jobcenters + 1);
            }
        }, cancellationToken);
        return sums;
    }
}
