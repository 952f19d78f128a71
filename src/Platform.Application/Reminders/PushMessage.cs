namespace Platform.Application.Reminders;

/// <summary>
/// One web-push message to one browser subscription, written whole in <paramref name="Language"/>: its title, text and
/// the label of its unsubscribe button.
/// </summary>
public sealed record PushMessage(
    string Endpoint, string P256dh, string Auth, string Title, string Text, Uri Link, Uri Unsubscribe, string Language, string UnsubscribeLabel);
