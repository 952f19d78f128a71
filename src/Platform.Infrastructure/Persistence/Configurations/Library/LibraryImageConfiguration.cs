using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

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
