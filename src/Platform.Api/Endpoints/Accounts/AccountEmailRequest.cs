namespace Platform.Api.Endpoints.Accounts;

public sealed record AccountEmailRequest(string Email);
