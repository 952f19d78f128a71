namespace Platform.Application.Reminders;

/// <summary>Port to the web-push services (VAPID).</summary>
public interface IPushSender
{
    /// <summary>The public VAPID key a browser subscribes with (base64url).</summary>
    string PublicKey { get; }

    Task<PushOutcome> SendAsync(PushMessage message, CancellationToken cancellationToken);
}
