namespace Platform.Api.Tenancy;

/// <summary>Marks endpoints that answer 404 where no jobcenter was resolved (<see cref="RequireTenantFilter"/>).</summary>
public sealed class RequiresTenantMetadata;
