using Platform.Domain.Tenants;

namespace Platform.Api.Endpoints;

public sealed record ChangeTenantStatusRequest(TenantStatus Status);
