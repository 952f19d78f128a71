namespace Platform.Application.Common;

/// <summary>The resource changed under the caller (a concurrent edit); the API maps it to 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
