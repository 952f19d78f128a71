namespace Platform.Application.Common;

/// <summary>The caller may not do this here; the API maps it to 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
