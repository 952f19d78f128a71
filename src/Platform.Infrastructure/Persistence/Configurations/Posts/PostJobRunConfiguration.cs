using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostJobRunConfiguration : IEntityTypeConfiguration<PostJobRun>
{
    public void Configure(EntityTypeBuilder<PostJobRun> builder)
    {
        builder.ToTable("PostJobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Outcome).HasConversion<int>();
        builder.Property(r => r.Message).HasMaxLength(PostJobRun.MaxMessageLength).IsRequired();
        builder.HasIndex(r => new { r.PostId, r.RanAt });
    }
}
