namespace Platform.Domain.Tenants;

public sealed record TenantContact
{
    public string Phone { get; init; } = "";

    public string Email { get; init; } = "";

    public string Address { get; init; } = "";

    public string OpeningHours { get; init; } = "";

    public string AppointmentUrl { get; init; } = "";
}
