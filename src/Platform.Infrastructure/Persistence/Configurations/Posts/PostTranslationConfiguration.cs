using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostTranslationConfiguration : IEntityTypeConfiguration<PostTranslation>
{
    public void Configure(EntityTypeBuilder<PostTranslation> builder)
    {
        builder.ToTable("PostTranslations");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Language).HasMaxLength(8).IsRequired();
        builder.Property(t => t.Status).HasConversion<int>();
        builder.Property(t => t.ReviewComment).HasMaxLength(2000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.ComplexProperty(t => t.Text, text => text.MapTranslationText(""));
        builder.ComplexProperty(t => t.Live, text => text.MapTranslationText("Live"));

        builder.HasMany(t => t.Versions).WithOne().HasForeignKey(v => v.TranslationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);

        // One translation per language; the reader's page and the feed look a post's up by (post, language).
        builder.HasIndex(t => new { t.PostId, t.Language }).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.Status });
    }
}
