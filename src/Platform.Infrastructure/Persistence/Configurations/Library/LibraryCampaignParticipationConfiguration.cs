using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

public sealed class LibraryCampaignParticipationConfiguration : IEntityTypeConfiguration<LibraryCampaignParticipation>
{
    public void Configure(EntityTypeBuilder<LibraryCampaignParticipation> builder)
    {
        builder.ToTable("LibraryCampaignParticipations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PostStatus).HasConversion<int>();
        builder.HasOne<LibraryCampaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CampaignId, p.TenantId }).IsUnique();
    }
}
