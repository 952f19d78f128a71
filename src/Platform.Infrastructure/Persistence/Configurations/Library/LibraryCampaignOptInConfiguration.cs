using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

public sealed class LibraryCampaignOptInConfiguration : IEntityTypeConfiguration<LibraryCampaignOptIn>
{
    public void Configure(EntityTypeBuilder<LibraryCampaignOptIn> builder)
    {
        builder.ToTable("LibraryCampaignOptIns");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LibraryCampaign>().WithMany().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(o => o.PostId).OnDelete(DeleteBehavior.Cascade);

        // One campaign per jobcenter once, and one campaign per post: a post has one publication time.
        builder.HasIndex(o => new { o.TenantId, o.CampaignId }).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.PostId }).IsUnique();
    }
}
