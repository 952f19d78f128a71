using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

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
