namespace Platform.Api.Endpoints.Accounts;

public sealed record ChangeRoleRequest(string Role);
