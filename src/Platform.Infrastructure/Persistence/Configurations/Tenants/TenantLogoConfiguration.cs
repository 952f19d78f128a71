using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Tenants;

public sealed class TenantLogoConfiguration : IEntityTypeConfiguration<TenantLogo>
{
    public void Configure(EntityTypeBuilder<TenantLogo> builder)
    {
        builder.ToTable("TenantLogos");
        builder.HasKey(l => l.TenantId);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<TenantLogo>(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(l => l.Content).IsRequired();
    }
}
