using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Audit;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ActorName).HasMaxLength(120).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(1000).IsRequired();
        builder.HasIndex(e => new { e.TenantId, e.At });
    }
}
