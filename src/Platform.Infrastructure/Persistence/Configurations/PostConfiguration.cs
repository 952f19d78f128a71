using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("Posts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Title).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(500).IsRequired();
        builder.Property(p => p.BodyMarkdown).IsRequired();
        builder.Property(p => p.Status).HasConversion<int>();
        builder.Property(p => p.Topics).HasConversion<int>();
        builder.Property(p => p.Version).IsConcurrencyToken();

        // The feed: one tenant's published posts, newest first.
        builder.HasIndex(p => new { p.TenantId, p.Status, p.PublishedAt });

        // The catch-up job: scheduled posts that are due.
        builder.HasIndex(p => new { p.Status, p.PublishAt });
    }
}
