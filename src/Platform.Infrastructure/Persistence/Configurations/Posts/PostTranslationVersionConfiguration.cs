using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostTranslationVersionConfiguration : IEntityTypeConfiguration<PostTranslationVersion>
{
    public void Configure(EntityTypeBuilder<PostTranslationVersion> builder)
    {
        builder.ToTable("PostTranslationVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Snapshot).IsRequired();
        builder.Property(v => v.AuthorName).HasMaxLength(120).IsRequired();
        builder.HasIndex(v => new { v.TranslationId, v.Number }).IsUnique();
    }
}
