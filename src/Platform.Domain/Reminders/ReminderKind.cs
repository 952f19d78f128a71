namespace Platform.Domain.Reminders;

/// <summary>What a reminder is about.</summary>
public enum ReminderKind
{
    /// <summary>Weiterbewilligungsantrag: the benefit renewal date.</summary>
    BenefitRenewal = 0,

    /// <summary>Termin im Jobcenter.</summary>
    JobcenterAppointment = 1,

    /// <summary>Veranstaltung: an event, optionally one of the jobcenter's posts.</summary>
    Event = 2,
}
