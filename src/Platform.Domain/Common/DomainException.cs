namespace Platform.Domain.Common;

/// <summary>A broken business rule; the API maps it to 409 Conflict.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
