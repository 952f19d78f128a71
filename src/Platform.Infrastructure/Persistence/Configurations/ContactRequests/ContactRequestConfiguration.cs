using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.ContactRequests;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.ContactRequests;

public sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> builder)
    {
        builder.ToTable("ContactRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(60).IsRequired();
        builder.Property(r => r.Email).HasMaxLength(254).IsRequired();
        builder.Property(r => r.Phone).HasMaxLength(40).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(ContactRequest.MaxMessageLength).IsRequired();
        builder.Property(r => r.DoneBy).HasMaxLength(120).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(8).IsRequired();

        // The inbox (one tenant's, newest first) and the retention job (older than a cut-off).
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt });
    }
}
