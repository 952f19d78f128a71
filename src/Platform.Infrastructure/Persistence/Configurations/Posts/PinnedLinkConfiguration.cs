using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PinnedLinkConfiguration : IEntityTypeConfiguration<PinnedLink>
{
    public void Configure(EntityTypeBuilder<PinnedLink> builder)
    {
        builder.ToTable("PinnedLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        // A deleted post takes its pins with it (an unpublished one keeps them, and the page skips them). Only the post
        // cascades: SQL Server allows one cascading path.
        builder.HasOne<Post>().WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Url).HasMaxLength(PinnedLink.MaxUrlLength).IsRequired();
        builder.Property(l => l.Label).HasMaxLength(PinnedLink.MaxLabelLength).IsRequired();
        builder.HasIndex(l => new { l.TenantId, l.Position });
        builder.HasIndex(l => l.PostId);
    }
}
