using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;
using Platform.Infrastructure.Persistence.Configurations.Posts;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

public sealed class LibraryItemVersionConfiguration : IEntityTypeConfiguration<LibraryItemVersion>
{
    public void Configure(EntityTypeBuilder<LibraryItemVersion> builder)
    {
        builder.ToTable("LibraryItemVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.AuthorName).HasMaxLength(120).IsRequired();
        builder.Property(v => v.TranslationsSnapshot).HasColumnName("Translations").IsRequired().HasDefaultValue("");
        builder.Ignore(v => v.Translations);
        builder.HasOne<LibraryImage>().WithMany().HasForeignKey(v => v.CoverImageId).OnDelete(DeleteBehavior.Restrict);

        // Placeholders such as {{Jobcenter.Terminbuchung}} make a library link longer than a post's; the cover is CoverImageId.
        builder.ComplexProperty(v => v.Content, content =>
        {
            content.HasField("_content").UsePropertyAccessMode(PropertyAccessMode.Field);
            content.MapPostContent(urlLength: 2000);
            content.Ignore(c => c.HasCoverImage);
        });
        builder.HasIndex(v => new { v.LibraryItemId, v.Number }).IsUnique();
    }
}
