using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Events;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Events;

public sealed class EventSeatsConfiguration : IEntityTypeConfiguration<EventSeats>
{
    public void Configure(EntityTypeBuilder<EventSeats> builder)
    {
        builder.ToTable("EventSeats");
        builder.HasKey(s => s.PostId);
        builder.Property(s => s.PostId).ValueGeneratedNever();
        builder.HasOne<Post>().WithMany().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(s => s.TenantId);
    }
}
