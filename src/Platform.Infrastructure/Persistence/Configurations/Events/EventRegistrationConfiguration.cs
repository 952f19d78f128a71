using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Events;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence.Configurations.Events;

public sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();

        // Only the post cascades (SQL Server allows one cascading path); the account deletion removes these rows itself.
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(r => r.IsActive);

        // One registration per person and event; the waiting list in order.
        builder.HasIndex(r => new { r.PostId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.PostId, r.Status, r.Position });
        builder.HasIndex(r => new { r.TenantId, r.UserId });
    }
}
