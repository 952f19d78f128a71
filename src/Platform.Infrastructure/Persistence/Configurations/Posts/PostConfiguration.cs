using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("Posts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Status).HasConversion<int>();
        builder.Property(p => p.PublicationJobId).HasMaxLength(100);
        builder.Property(p => p.FailureReason).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.TranslatedText).IsRequired().HasDefaultValue("");
        builder.ComplexProperty(p => p.Content, content => content.MapPostContent(urlLength: 500));

        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Transitions).WithOne().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The feed: one tenant's published posts, newest first.
        builder.HasIndex(p => new { p.TenantId, p.Status, p.PublishedAt });

        // The catch-up job: scheduled posts that are due.
        builder.HasIndex(p => new { p.Status, p.PublishAt });
    }
}
