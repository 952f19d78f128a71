using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// Runs work inside a fresh scope whose tenant is set from an id (a job's argument, a newly onboarded jobcenter),
/// with the tenant in every log line of that work.
/// </summary>
public sealed partial class TenantScopeRunner(IServiceScopeFactory scopeFactory, ITenantCatalog catalog, ILogger<TenantScopeRunner> logger)
    : ITenantScopeRunner
{
    public Task<TResponse> SendAsync<TResponse>(Guid tenantId, ICommand<TResponse> command, CancellationToken cancellationToken) =>
        RunAsync(tenantId, (services, ct) => services.GetRequiredService<IMediator>().Send(command, ct).AsTask(), cancellationToken);

    public Task<TResponse> SendAsync<TResponse>(Guid tenantId, IQuery<TResponse> query, CancellationToken cancellationToken) =>
        RunAsync(tenantId, (services, ct) => services.GetRequiredService<IMediator>().Send(query, ct).AsTask(), cancellationToken);

    public async Task ForEachTenantAsync(string activity, Func<TenantInfo, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        foreach (var tenant in await catalog.ListAsync(cancellationToken))
        {
            try
            {
                await work(tenant, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTenantFailed(logger, ex, activity, tenant.Slug);
            }
        }
    }

    /// <summary>
    /// Runs infrastructure work (which needs services that no use case offers, such as ASP.NET Identity's token
    /// providers) as the tenant. Use cases go through <see cref="SendAsync{TResponse}(Guid, ICommand{TResponse}, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="UnknownTenantException">No tenant has this id.</exception>
    public async Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var tenant = await catalog.FindByIdAsync(tenantId, cancellationToken) ?? throw new UnknownTenantException(tenantId);
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenantSetter>().SetTenant(tenant);
        using (logger.BeginScope(TenantLogScope.For(tenant)))
        {
            return await work(scope.ServiceProvider, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Activity} failed for tenant {Tenant}")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string activity, string tenant);
}
