using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Library;

namespace Platform.Infrastructure.Persistence.Configurations.Library;

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
