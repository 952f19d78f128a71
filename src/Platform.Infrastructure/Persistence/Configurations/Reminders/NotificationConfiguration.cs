using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence.Configurations.Reminders;

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
