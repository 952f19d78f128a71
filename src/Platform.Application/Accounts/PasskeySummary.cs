namespace Platform.Application.Accounts;

/// <remarks><paramref name="Id"/>: the credential id, Base64Url.</remarks>
public sealed record PasskeySummary(string Id, string Name, DateTime CreatedAt);
