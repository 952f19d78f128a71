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
