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
        builder.Property(p => p.Language).HasMaxLength(8).IsRequired();
        builder.Property(p => p.EasyTitle).HasMaxLength(200);
        builder.Property(p => p.EasySummary).HasMaxLength(500);
        builder.Property(p => p.CallToActionLabel).HasMaxLength(80);
        builder.Property(p => p.CallToActionUrl).HasMaxLength(500);
        builder.Property(p => p.CoverImageAlt).HasMaxLength(300);
        builder.Property(p => p.EventPlace).HasMaxLength(300);
        builder.Property(p => p.EventOnlineUrl).HasMaxLength(500);
        builder.Property(p => p.PublicationJobId).HasMaxLength(100);
        builder.Property(p => p.FailureReason).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Content);

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

public sealed class PostTransitionConfiguration : IEntityTypeConfiguration<PostTransition>
{
    public void Configure(EntityTypeBuilder<PostTransition> builder)
    {
        builder.ToTable("PostTransitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.From).HasConversion<int>();
        builder.Property(t => t.To).HasConversion<int>();
        builder.Property(t => t.ByName).HasMaxLength(120).IsRequired();
        builder.Property(t => t.Comment).HasMaxLength(PostTransition.MaxCommentLength);
        builder.HasIndex(t => new { t.PostId, t.At });
    }
}

public sealed class PostJobRunConfiguration : IEntityTypeConfiguration<PostJobRun>
{
    public void Configure(EntityTypeBuilder<PostJobRun> builder)
    {
        builder.ToTable("PostJobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Outcome).HasConversion<int>();
        builder.Property(r => r.Message).HasMaxLength(PostJobRun.MaxMessageLength).IsRequired();
        builder.HasIndex(r => new { r.PostId, r.RanAt });
    }
}

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

public sealed class TenantTopicConfiguration : IEntityTypeConfiguration<TenantTopic>
{
    public void Configure(EntityTypeBuilder<TenantTopic> builder)
    {
        builder.ToTable("TenantTopics");
        builder.HasKey(t => new { t.TenantId, t.Bit });
        builder.HasOne<Platform.Domain.Tenants.Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Slug).HasMaxLength(TenantTopic.MaxSlugLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(TenantTopic.MaxNameLength).IsRequired();
        builder.HasIndex(t => new { t.TenantId, t.Slug }).IsUnique();
        builder.Ignore(t => t.Flag);
    }
}
