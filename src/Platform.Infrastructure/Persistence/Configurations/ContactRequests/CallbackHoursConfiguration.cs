using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.ContactRequests;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.ContactRequests;

public sealed class CallbackHoursConfiguration : IEntityTypeConfiguration<CallbackHours>
{
    public void Configure(EntityTypeBuilder<CallbackHours> builder)
    {
        builder.ToTable("CallbackHours");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(h => h.Pattern).HasMaxLength(1000).IsRequired();
        builder.Property(h => h.ClosedDays).HasMaxLength(1200).IsRequired();
        builder.Ignore(h => h.Ranges);
        builder.Ignore(h => h.ClosedDayList);

        // One set of hours per jobcenter.
        builder.HasIndex(h => h.TenantId).IsUnique();
    }
}
