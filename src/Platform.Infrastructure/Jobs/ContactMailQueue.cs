using Hangfire;
using Platform.Application.Common;
using Platform.Application.ContactRequests;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Queues the mails of the current tenant's contact requests: the confirmation (<see cref="SendContactConfirmationJob"/>)
/// the team's answers (<see cref="SendContactAnswerJob"/>) and the confirmation of a booked callback
/// (<see cref="SendCallbackConfirmationJob"/>).
/// </summary>
public sealed class ContactMailQueue(IBackgroundJobClient jobs, ICurrentTenant tenant) : IContactConfirmationQueue, IContactAnswerQueue, ICallbackConfirmationQueue
{
    void ICallbackConfirmationQueue.Enqueue(Guid bookingId)
    {
        var tenantId = tenant.RequiredId;
        jobs.Enqueue<SendCallbackConfirmationJob>(job => job.RunAsync(tenantId, bookingId, CancellationToken.None));
    }

    void IContactConfirmationQueue.Enqueue(Guid contactRequestId)
    {
        var tenantId = tenant.RequiredId;
        jobs.Enqueue<SendContactConfirmationJob>(job => job.RunAsync(tenantId, contactRequestId, CancellationToken.None));
    }

    void IContactAnswerQueue.Enqueue(Guid answerId)
    {
        var tenantId = tenant.RequiredId;
        jobs.Enqueue<SendContactAnswerJob>(job => job.RunAsync(tenantId, answerId, CancellationToken.None));
    }
}
