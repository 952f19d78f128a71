namespace Platform.Api.Endpoints;

/// <param name="InvitationMailed">False when the mail server did not take the invitation: forward the link yourself.</param>
public sealed record OnboardedTenantResponse(Guid TenantId, string Slug, string InvitationUrl, DateTime InvitationExpiresAt, bool InvitationMailed);
