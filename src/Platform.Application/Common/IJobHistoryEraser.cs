namespace Platform.Application.Common;

/// <summary>
/// Port to the job storage: removes every job, pending or finished, whose arguments name a person (their account id or
/// address), so that erasing an account leaves nothing of it in the job history either.
/// </summary>
public interface IJobHistoryEraser
{
    /// <returns>How many jobs were removed.</returns>
    Task<int> EraseAsync(Guid personId, string? email, CancellationToken cancellationToken);
}
