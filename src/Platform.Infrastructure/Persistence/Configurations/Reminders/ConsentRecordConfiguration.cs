using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence.Configurations.Reminders;

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
