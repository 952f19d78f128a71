namespace Platform.Domain.Tenants;

/// <summary>
/// How young people reach the jobcenter. <see cref="VideoConsultationHint"/> and <see cref="VideoConsultationUrl"/> are
/// what the Video-Check page says about the jobcenter's own video-consultation tool (both optional).
/// </summary>
public sealed record TenantContact
{
    public const int VideoConsultationHintMaxLength = 1000;

    public string Phone { get; init; } = "";

    public string Email { get; init; } = "";

    public string Address { get; init; } = "";

    public string OpeningHours { get; init; } = "";

    public string AppointmentUrl { get; init; } = "";

    /// <summary>Plain German text: which tool the jobcenter uses for video appointments and how to join one.</summary>
    public string VideoConsultationHint { get; init; } = "";

    /// <summary>An https address: the tool's page or how-to, linked from the Video-Check.</summary>
    public string VideoConsultationUrl { get; init; } = "";
}
