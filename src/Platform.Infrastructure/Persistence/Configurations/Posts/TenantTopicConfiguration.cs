using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class TenantTopicConfiguration : IEntityTypeConfiguration<TenantTopic>
{
    public void Configure(EntityTypeBuilder<TenantTopic> builder)
    {
        builder.ToTable("TenantTopics");
        builder.HasKey(t => new { t.TenantId, t.Bit });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Slug).HasMaxLength(TenantTopic.MaxSlugLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(TenantTopic.MaxNameLength).IsRequired();
        builder.HasIndex(t => new { t.TenantId, t.Slug }).IsUnique();
        builder.Ignore(t => t.Flag);
    }
}
