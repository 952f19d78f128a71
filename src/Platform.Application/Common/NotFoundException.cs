namespace Platform.Application.Common;

/// <summary>The resource does not exist for the current tenant; the API maps it to 404.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}
