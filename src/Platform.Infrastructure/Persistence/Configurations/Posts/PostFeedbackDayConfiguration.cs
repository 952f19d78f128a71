using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostFeedbackDayConfiguration : IEntityTypeConfiguration<PostFeedbackDay>
{
    public void Configure(EntityTypeBuilder<PostFeedbackDay> builder)
    {
        builder.ToTable("PostFeedbackDays");

        // One row per post and day; the counting upsert relies on this key to refuse a second insert.
        builder.HasKey(f => new { f.PostId, f.Day });
        builder.HasOne<Post>().WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(f => new { f.TenantId, f.Day });
    }
}
