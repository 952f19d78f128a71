using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Reminders;

namespace Platform.Infrastructure.Persistence.Configurations.Reminders;

public sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.ToTable("ReminderDeliveries");
        builder.Ignore(d => d.Kind);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();

        // Deleting a reminder takes its messages with it. Only one cascading path may lead here (SQL Server refuses
        // several), so the tenant and a subscription are no cascading parents: their deletion removes these rows itself.
        builder.HasOne<Reminder>().WithMany().HasForeignKey(d => d.ReminderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PushSubscription>().WithMany().HasForeignKey(d => d.PushSubscriptionId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(d => d.Key).HasMaxLength(120).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Language).HasMaxLength(8).IsRequired();
        builder.Property(d => d.Text).HasMaxLength(500).IsRequired();
        builder.Property(d => d.Link).HasMaxLength(300).IsRequired();
        builder.HasIndex(d => new { d.TenantId, d.Key }).IsUnique();

        // The engine's question: what is due and not claimed, oldest first.
        builder.HasIndex(d => new { d.TenantId, d.Status, d.DueAt });
        builder.HasIndex(d => d.UserId);

        // No foreign key: the retention job and the engine handle a booking that is gone (ReminderDelivery.ForCallback).
        builder.HasIndex(d => d.CallbackBookingId);
        builder.HasIndex(d => d.ClaimToken);

        // Marking a message sent succeeds only for the worker that still holds the claim.
        builder.Property(d => d.ClaimToken).IsConcurrencyToken();
    }
}
