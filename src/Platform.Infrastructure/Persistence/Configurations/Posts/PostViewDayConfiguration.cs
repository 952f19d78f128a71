using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostViewDayConfiguration : IEntityTypeConfiguration<PostViewDay>
{
    public void Configure(EntityTypeBuilder<PostViewDay> builder)
    {
        builder.ToTable("PostViewDays");

        // One row per post and day; the counting upsert relies on this key to refuse a second insert.
        builder.HasKey(v => new { v.PostId, v.Day });
        builder.HasOne<Post>().WithMany().HasForeignKey(v => v.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(v => new { v.TenantId, v.Day });
    }
}
