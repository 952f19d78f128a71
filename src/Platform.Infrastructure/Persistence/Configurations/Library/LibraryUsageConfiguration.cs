using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

public sealed class LibraryUsageConfiguration : IEntityTypeConfiguration<LibraryUsage>
{
    public void Configure(EntityTypeBuilder<LibraryUsage> builder)
    {
        builder.ToTable("LibraryUsages");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasOne<LibraryItem>().WithMany().HasForeignKey(u => u.LibraryItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.LibraryItemId, u.TenantId }).IsUnique();
    }
}
