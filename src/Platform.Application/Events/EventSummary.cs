using Platform.Application.Common;

namespace Platform.Application.Events;

/// <summary>An upcoming event as the list and the post page show it. Times are UTC, with the Berlin wall time beside them.</summary>
/// <remarks>
/// <para><paramref name="SeatsLeft"/>: free seats, or null when the event has no limit.</para>
/// <para><paramref name="My"/>: the signed-in person's registration, or null.</para>
/// </remarks>
public sealed record EventSummary(
    Guid Id,
    string Title,
    string Summary,
    DateTime StartsAt,
    DateTime? EndsAt,
    [property: LocalDateTime] DateTime StartsAtLocal,
    [property: LocalDateTime] DateTime? EndsAtLocal,
    string? Place,
    string? OnlineUrl,
    int? Capacity,
    int Confirmed,
    int Waiting,
    int? SeatsLeft,
    MyEventRegistration? My);
