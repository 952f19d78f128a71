namespace Platform.Application.Events;

/// <param name="Status">"confirmed" or "waitlisted".</param>
/// <param name="WaitingPlace">1 for the first on the waiting list; null when confirmed.</param>
public sealed record MyEventRegistration(Guid Id, string Status, int? WaitingPlace, DateTime RegisteredAt);
