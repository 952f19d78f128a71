using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Infrastructure.Persistence.Configurations;

public sealed class PlatformKeyConfiguration : IEntityTypeConfiguration<PlatformKey>
{
    public void Configure(EntityTypeBuilder<PlatformKey> builder)
    {
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(PlatformKey.NameLength);
    }
}
