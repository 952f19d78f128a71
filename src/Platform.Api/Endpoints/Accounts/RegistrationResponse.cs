namespace Platform.Api.Endpoints.Accounts;

/// <summary>The answer to every accepted registration, byte for byte the same for a new address and for a taken one.</summary>
public sealed record RegistrationResponse(string Message);
