namespace Platform.Application.Events;

/// <remarks>
/// <para><paramref name="Status"/>: "confirmed" or "waitlisted".</para>
/// <para><paramref name="WaitingPlace"/>: 1 for the first on the waiting list; null when confirmed.</para>
/// </remarks>
public sealed record MyEventRegistration(Guid Id, string Status, int? WaitingPlace, DateTime RegisteredAt);
