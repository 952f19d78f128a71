using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> builder)
    {
        builder.ToTable("Bookmarks");

        // One bookmark per person and post: the key itself, so a second PUT cannot add a twin.
        builder.HasKey(b => new { b.UserId, b.PostId });

        // Only the post cascades (SQL Server allows one cascading path); the account deletion removes these rows itself.
        builder.HasOne<Post>().WithMany().HasForeignKey(b => b.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(b => new { b.TenantId, b.UserId, b.CreatedAt });
        builder.HasIndex(b => b.PostId);
    }
}
