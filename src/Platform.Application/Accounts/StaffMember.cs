namespace Platform.Application.Accounts;

public sealed record StaffMember(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);
