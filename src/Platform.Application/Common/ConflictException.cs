namespace Platform.Application.Common;

/// <summary>
/// The resource changed under the caller (a concurrent edit); the API maps it to 409 "changed meanwhile". A refusal by a
/// rule (an event in the past, a topic still in use) is a DomainException instead.
/// </summary>
public sealed class ConflictException(string message) : Exception(message);
