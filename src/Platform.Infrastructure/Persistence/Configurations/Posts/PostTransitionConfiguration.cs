using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

public sealed class PostTransitionConfiguration : IEntityTypeConfiguration<PostTransition>
{
    public void Configure(EntityTypeBuilder<PostTransition> builder)
    {
        builder.ToTable("PostTransitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.From).HasConversion<int>();
        builder.Property(t => t.To).HasConversion<int>();
        builder.Property(t => t.ByName).HasMaxLength(120).IsRequired();
        builder.Property(t => t.Comment).HasMaxLength(PostTransition.MaxCommentLength);
        builder.HasIndex(t => new { t.PostId, t.At });
    }
}
