namespace Platform.Infrastructure.Notifications;

/// <summary>The delivery engine and web push, bound from <c>Platform:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Platform:Notifications";

    /// <summary>How many due messages one worker claims at a time.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a claim holds; after it another worker takes unfinished messages over (a crashed worker's).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the engine looks for due messages when there were none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one run of the recurring engine job keeps polling before the next run takes over.</summary>
    public TimeSpan RunFor { get; set; } = TimeSpan.FromSeconds(55);

    /// <summary>Cron of the recurring engine job; each run polls for <see cref="RunFor"/>.</summary>
    public string Cron { get; set; } = "* * * * *";

    /// <summary>
    /// How many batches are sent at once per node (each with its own SMTP and database connection); with fewer tenants
    /// than this, several lanes work on one tenant.
    /// </summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How often each node counts the due deliveries for the <c>platform.reminder.due</c> gauge.</summary>
    public TimeSpan BacklogCountInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>VAPID subject: a mailto: or https: address of the operator.</summary>
    public string VapidSubject { get; set; } = "mailto:betrieb@plattform.localhost";

    /// <summary>
    /// The VAPID key pair (base64url). When empty, a pair is generated once for the platform and kept in its database
    /// for every node (a pair an older installation kept in <see cref="KeyFolder"/> is taken over).
    /// </summary>
    public string? VapidPublicKey { get; set; }

    public string? VapidPrivateKey { get; set; }

    /// <summary>Where an installation from before kept its generated VAPID keys; relative to the content root. Read once, to take them over.</summary>
    public string KeyFolder { get; set; } = "data";
}
