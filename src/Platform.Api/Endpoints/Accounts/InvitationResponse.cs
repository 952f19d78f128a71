namespace Platform.Api.Endpoints.Accounts;

public sealed record InvitationResponse(Guid Id, string Email, string Role, string InvitationUrl, DateTime ExpiresAt, bool InvitationMailed);
