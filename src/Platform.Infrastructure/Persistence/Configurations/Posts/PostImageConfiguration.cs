using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostImageConfiguration : IEntityTypeConfiguration<PostImage>
{
    public void Configure(EntityTypeBuilder<PostImage> builder)
    {
        builder.ToTable("PostImages");
        builder.HasKey(i => i.PostId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithOne().HasForeignKey<PostImage>(i => i.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(i => i.Content).IsRequired();
    }
}
