using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

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
