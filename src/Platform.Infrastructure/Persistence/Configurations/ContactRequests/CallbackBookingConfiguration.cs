using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.ContactRequests;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.ContactRequests;

public sealed class CallbackBookingConfiguration : IEntityTypeConfiguration<CallbackBooking>
{
    public void Configure(EntityTypeBuilder<CallbackBooking> builder)
    {
        builder.ToTable("CallbackBookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Name).HasMaxLength(CallbackBooking.MaxNameLength).IsRequired();
        builder.Property(b => b.Phone).HasMaxLength(CallbackBooking.MaxPhoneLength).IsRequired();
        builder.Property(b => b.Email).HasMaxLength(CallbackBooking.MaxEmailLength).IsRequired();
        builder.Property(b => b.Language).HasMaxLength(8).IsRequired();
        builder.Property(b => b.OutcomeBy).HasMaxLength(200).IsRequired();
        builder.Ignore(b => b.IsCancelled);

        // The capacity wall (ADR-033): one row per place of a slot. Two bookings racing for the same place cannot both
        // commit, on any provider; the loser tries the next place. A cancelled booking's place is null and no longer
        // counts (NULLs are distinct here; on SQL Server EF makes the index filtered on NOT NULL).
        builder.HasIndex(b => new { b.TenantId, b.SlotStart, b.Place }).IsUnique();
    }
}
