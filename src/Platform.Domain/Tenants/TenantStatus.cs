namespace Platform.Domain.Tenants;

public enum TenantStatus
{
    Onboarding = 0,
    Active = 1,
    Suspended = 2,
}
