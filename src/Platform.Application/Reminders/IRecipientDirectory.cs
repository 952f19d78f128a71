namespace Platform.Application.Reminders;

/// <summary>Port to the accounts: looks up recipients of the current tenant in bulk.</summary>
public interface IRecipientDirectory
{
    Task<IReadOnlyDictionary<Guid, Recipient>> FindAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken);
}
