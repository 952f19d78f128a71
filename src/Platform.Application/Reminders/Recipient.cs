namespace Platform.Application.Reminders;

/// <summary>What the delivery engine needs to know about an account of the current tenant.</summary>
public sealed record Recipient(Guid Id, string Email, bool EmailConfirmed, bool ConfirmedAtLeast16, string Language = "de");
