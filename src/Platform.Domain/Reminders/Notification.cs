using Platform.Domain.Common;

namespace Platform.Domain.Reminders;

/// <summary>An entry in a person's notification centre. Written once per delivery (the delivery id is unique).</summary>
public sealed class Notification : ITenantOwned
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid? DeliveryId { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string Link { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public static Notification FromDelivery(ReminderDelivery delivery, Guid userId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = delivery.TenantId,
        UserId = userId,
        DeliveryId = delivery.Id,
        Title = delivery.Title,
        Text = delivery.Text,
        Link = delivery.Link,
        CreatedAt = now,
    };

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
