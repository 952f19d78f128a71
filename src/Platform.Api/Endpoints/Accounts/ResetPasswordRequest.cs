namespace Platform.Api.Endpoints.Accounts;

public sealed record ResetPasswordRequest(string Email, string Code, string NewPassword);
