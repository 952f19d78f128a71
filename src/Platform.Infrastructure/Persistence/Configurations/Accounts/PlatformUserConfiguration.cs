using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence.Configurations.Accounts;

public sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        // Identity makes user names globally unique; here they are unique per tenant.
        var userNameIndex = builder.Metadata.GetIndexes().Single(i => i.GetDatabaseName() == "UserNameIndex");
        builder.Metadata.RemoveIndex(userNameIndex);
        var emailIndex = builder.Metadata.GetIndexes().Single(i => i.GetDatabaseName() == "EmailIndex");
        builder.Metadata.RemoveIndex(emailIndex);
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).HasDatabaseName("UserNameIndex").IsUnique();
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).HasDatabaseName("EmailIndex");
        builder.Property(u => u.DisplayName).HasMaxLength(60).IsRequired();
        builder.Property(u => u.Language).HasMaxLength(8).IsRequired();
    }
}
