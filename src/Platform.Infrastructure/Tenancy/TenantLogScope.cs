using System.Collections;
using Platform.Application.Common;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// The logging scope that puts the tenant into every log line of a request or a job: <c>TenantId</c> (and the slug as
/// <c>Tenant</c>), nothing about a person. The tenant is read when a line is written, so a scope opened before the
/// tenant is resolved (around the whole request, error handling included) carries it from then on.
/// </summary>
public sealed class TenantLogScope(Func<TenantInfo?> tenant) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static TenantLogScope For(TenantInfo tenant) => new(() => tenant);

    public int Count => tenant() is null ? 0 : 2;

    public KeyValuePair<string, object?> this[int index] => (tenant(), index) switch
    {
        ({ } t, 0) => new("TenantId", t.Id),
        ({ } t, 1) => new("Tenant", t.Slug),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        if (tenant() is { } t)
        {
            yield return new("TenantId", t.Id);
            yield return new("Tenant", t.Slug);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => tenant() is { } t ? $"TenantId:{t.Id}" : "";
}
