using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence.Configurations;

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("Reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Title).HasMaxLength(Reminder.MaxTitleLength).IsRequired();
        builder.Property(r => r.LeadTimes).HasMaxLength(100).IsRequired();
        builder.Ignore(r => r.LeadTimeList);
        builder.HasIndex(r => new { r.TenantId, r.UserId, r.DueAt });
    }
}

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
        builder.Property(d => d.Text).HasMaxLength(500).IsRequired();
        builder.Property(d => d.Link).HasMaxLength(300).IsRequired();
        builder.HasIndex(d => new { d.TenantId, d.Key }).IsUnique();

        // The engine's question: what is due and not claimed, oldest first.
        builder.HasIndex(d => new { d.TenantId, d.Status, d.DueAt });
        builder.HasIndex(d => d.UserId);
        builder.HasIndex(d => d.ClaimToken);

        // Marking a message sent succeeds only for the worker that still holds the claim.
        builder.Property(d => d.ClaimToken).IsConcurrencyToken();
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Title).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(500).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(300).IsRequired();

        // Not a foreign key: a delivery may be cleaned up while the person keeps the notification.
        builder.HasIndex(n => new { n.TenantId, n.DeliveryId }).IsUnique();
        builder.HasIndex(n => new { n.TenantId, n.UserId, n.CreatedAt });
    }
}

public sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithOne().HasForeignKey<NotificationPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.QuietHours);
        builder.HasIndex(p => new { p.TenantId, p.FollowedTopics });
    }
}

public sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("ConsentRecords");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Purpose).HasMaxLength(60).IsRequired();
        builder.Property(c => c.Source).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => new { c.TenantId, c.UserId, c.At });
    }
}

public sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscription>
{
    public void Configure(EntityTypeBuilder<PushSubscription> builder)
    {
        builder.ToTable("PushSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Endpoint).HasMaxLength(PushSubscription.MaxEndpointLength).IsRequired();
        builder.Property(s => s.P256dh).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Auth).HasMaxLength(100).IsRequired();
        builder.HasIndex(s => new { s.TenantId, s.UserId });
        builder.HasIndex(s => new { s.TenantId, s.Topics });
    }
}
