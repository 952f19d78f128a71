namespace Platform.Application.Accounts;

/// <param name="Id">The credential id, Base64Url.</param>
public sealed record PasskeySummary(string Id, string Name, DateTime CreatedAt);
