using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostVersionConfiguration : IEntityTypeConfiguration<PostVersion>
{
    public void Configure(EntityTypeBuilder<PostVersion> builder)
    {
        builder.ToTable("PostVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Snapshot).IsRequired();
        builder.Property(v => v.AuthorName).HasMaxLength(120).IsRequired();
        builder.HasIndex(v => new { v.PostId, v.Number }).IsUnique();
    }
}
