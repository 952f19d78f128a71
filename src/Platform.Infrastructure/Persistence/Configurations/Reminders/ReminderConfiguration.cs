using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence.Configurations.Reminders;

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
