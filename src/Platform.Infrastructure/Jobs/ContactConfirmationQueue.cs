using Hangfire;
using Platform.Application.Common;
using Platform.Application.ContactRequests;

namespace Platform.Infrastructure.Jobs;

/// <summary>Queues <see cref="SendContactConfirmationJob"/> for a request of the current tenant.</summary>
public sealed class ContactConfirmationQueue(IBackgroundJobClient jobs, ICurrentTenant tenant) : IContactConfirmationQueue
{
    public void Enqueue(Guid contactRequestId)
    {
        var tenantId = tenant.RequiredId;
        jobs.Enqueue<SendContactConfirmationJob>(job => job.RunAsync(tenantId, contactRequestId, CancellationToken.None));
    }
}
