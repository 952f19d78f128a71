using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations;

public sealed class LibraryItemConfiguration : IEntityTypeConfiguration<LibraryItem>
{
    public void Configure(EntityTypeBuilder<LibraryItem> builder)
    {
        builder.ToTable("LibraryItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Status).HasConversion<int>();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.Latest);
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.LibraryItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.Status, i.UpdatedAt });
    }
}

public sealed class LibraryItemVersionConfiguration : IEntityTypeConfiguration<LibraryItemVersion>
{
    public void Configure(EntityTypeBuilder<LibraryItemVersion> builder)
    {
        builder.ToTable("LibraryItemVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Title).HasMaxLength(200).IsRequired();
        builder.Property(v => v.Summary).HasMaxLength(500).IsRequired();
        builder.Property(v => v.BodyMarkdown).IsRequired();
        builder.Property(v => v.Topics).HasConversion<int>();
        builder.Property(v => v.Language).HasMaxLength(8).IsRequired();
        builder.Property(v => v.EasyTitle).HasMaxLength(200);
        builder.Property(v => v.EasySummary).HasMaxLength(500);
        builder.Property(v => v.AuthorName).HasMaxLength(120).IsRequired();
        builder.Property(v => v.CallToActionLabel).HasMaxLength(80);
        builder.Property(v => v.CallToActionUrl).HasMaxLength(2000);
        builder.Property(v => v.CoverImageAlt).HasMaxLength(300);
        builder.Property(v => v.EventPlace).HasMaxLength(300);
        builder.Property(v => v.EventOnlineUrl).HasMaxLength(2000);
        builder.HasOne<LibraryImage>().WithMany().HasForeignKey(v => v.CoverImageId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(v => v.Content);
        builder.HasIndex(v => new { v.LibraryItemId, v.Number }).IsUnique();
    }
}

public sealed class LibraryUsageConfiguration : IEntityTypeConfiguration<LibraryUsage>
{
    public void Configure(EntityTypeBuilder<LibraryUsage> builder)
    {
        builder.ToTable("LibraryUsages");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasOne<LibraryItem>().WithMany().HasForeignKey(u => u.LibraryItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.LibraryItemId, u.TenantId }).IsUnique();
    }
}

public sealed class LibraryAdoptionConfiguration : IEntityTypeConfiguration<LibraryAdoption>
{
    public void Configure(EntityTypeBuilder<LibraryAdoption> builder)
    {
        builder.ToTable("LibraryAdoptions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LibraryItem>().WithMany().HasForeignKey(a => a.LibraryItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.BaseSnapshot).IsRequired();
        builder.Ignore(a => a.Base);
        builder.HasIndex(a => new { a.TenantId, a.LibraryItemId }).IsUnique();
        builder.HasIndex(a => a.PostId);
    }
}

public sealed class LibraryImageConfiguration : IEntityTypeConfiguration<LibraryImage>
{
    public void Configure(EntityTypeBuilder<LibraryImage> builder)
    {
        builder.ToTable("LibraryImages");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(i => i.Content).IsRequired();
    }
}

public sealed class LibraryCampaignConfiguration : IEntityTypeConfiguration<LibraryCampaign>
{
    public void Configure(EntityTypeBuilder<LibraryCampaign> builder)
    {
        builder.ToTable("LibraryCampaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(LibraryCampaign.TitleMaxLength).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(LibraryCampaign.NoteMaxLength);
        builder.Property(c => c.CreatedByName).HasMaxLength(120).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<LibraryItem>().WithMany().HasForeignKey(c => c.LibraryItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PublishAt);
        builder.HasIndex(c => c.LibraryItemId);
    }
}

public sealed class LibraryCampaignOptInConfiguration : IEntityTypeConfiguration<LibraryCampaignOptIn>
{
    public void Configure(EntityTypeBuilder<LibraryCampaignOptIn> builder)
    {
        builder.ToTable("LibraryCampaignOptIns");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LibraryCampaign>().WithMany().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(o => o.PostId).OnDelete(DeleteBehavior.Cascade);

        // One campaign per jobcenter once, and one campaign per post: a post has one publication time.
        builder.HasIndex(o => new { o.TenantId, o.CampaignId }).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.PostId }).IsUnique();
    }
}

public sealed class LibraryCampaignParticipationConfiguration : IEntityTypeConfiguration<LibraryCampaignParticipation>
{
    public void Configure(EntityTypeBuilder<LibraryCampaignParticipation> builder)
    {
        builder.ToTable("LibraryCampaignParticipations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PostStatus).HasConversion<int>();
        builder.HasOne<LibraryCampaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CampaignId, p.TenantId }).IsUnique();
    }
}
