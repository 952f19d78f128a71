namespace Platform.Api.Endpoints;

/// <remarks><paramref name="InvitationMailed"/>: false when the mail server did not take the invitation: forward the link yourself.</remarks>
public sealed record OnboardedTenantResponse(Guid TenantId, string Slug, string InvitationUrl, DateTime InvitationExpiresAt, bool InvitationMailed);
