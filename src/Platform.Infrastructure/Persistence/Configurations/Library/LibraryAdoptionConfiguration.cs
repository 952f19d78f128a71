using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

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
        builder.Property(a => a.BaseTranslationsSnapshot).HasColumnName("BaseTranslations").IsRequired().HasDefaultValue("");
        builder.Ignore(a => a.BaseTranslations);
        builder.HasIndex(a => new { a.TenantId, a.LibraryItemId }).IsUnique();
        builder.HasIndex(a => a.PostId);
    }
}
