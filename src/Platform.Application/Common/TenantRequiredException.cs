namespace Platform.Application.Common;

public sealed class TenantRequiredException() : InvalidOperationException("This operation needs a current tenant.");
