namespace Platform.Application.Reminders;

/// <summary>
/// What the delivery engine needs to know about an account of the current tenant; <paramref name="StaffRoles"/>: the
/// staff roles it holds now (none for a young person or someone who has left the team).
/// </summary>
public sealed record Recipient(
    Guid Id, string Email, bool EmailConfirmed, bool ConfirmedAtLeast16, string Language = "de", IReadOnlyCollection<string>? StaffRoles = null)
{
    public IReadOnlyCollection<string> StaffRoles { get; init; } = StaffRoles ?? [];
}
