using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Tenants;

public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(40).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.DisplayName).HasMaxLength(120).IsRequired();
        builder.Property(t => t.Hostnames).HasMaxLength(1000).IsRequired();
        builder.Property(t => t.Postcodes).HasMaxLength(2000).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(t => t.HostnameList);
        builder.Property(t => t.EmbedOrigins).HasMaxLength(2100).IsRequired();
        builder.Ignore(t => t.EmbedOriginList);
        builder.OwnsOne(t => t.Branding, b =>
        {
            b.Property(x => x.PrimaryColor).HasColumnName("PrimaryColor").HasMaxLength(7).IsRequired();
            b.Property(x => x.AccentColor).HasColumnName("AccentColor").HasMaxLength(7).IsRequired();
            b.Property(x => x.LogoText).HasColumnName("LogoText").HasMaxLength(8).IsRequired();
            b.Property(x => x.Version).HasColumnName("BrandingVersion");
            b.Property(x => x.HasLogo).HasColumnName("HasLogo");
        });
        builder.Navigation(t => t.Branding).IsRequired();
        builder.OwnsOne(t => t.Contact, c =>
        {
            c.Property(x => x.Phone).HasColumnName("ContactPhone").HasMaxLength(40).IsRequired();
            c.Property(x => x.Email).HasColumnName("ContactEmail").HasMaxLength(254).IsRequired();
            c.Property(x => x.Address).HasColumnName("ContactAddress").HasMaxLength(300).IsRequired();
            c.Property(x => x.OpeningHours).HasColumnName("ContactOpeningHours").HasMaxLength(300).IsRequired();
            c.Property(x => x.AppointmentUrl).HasColumnName("ContactAppointmentUrl").HasMaxLength(500).IsRequired();
            c.Property(x => x.VideoConsultationHint).HasColumnName("ContactVideoHint")
                .HasMaxLength(TenantContact.VideoConsultationHintMaxLength).IsRequired();
            c.Property(x => x.VideoConsultationUrl).HasColumnName("ContactVideoUrl").HasMaxLength(500).IsRequired();
        });
        builder.Navigation(t => t.Contact).IsRequired();
        builder.OwnsOne(t => t.Links, l =>
        {
            l.Property(x => x.ImprintUrl).HasColumnName("ImprintUrl").HasMaxLength(500).IsRequired();
            l.Property(x => x.PrivacyUrl).HasColumnName("PrivacyUrl").HasMaxLength(500).IsRequired();
            l.Property(x => x.OnlineApplicationUrl).HasColumnName("OnlineApplicationUrl").HasMaxLength(500).IsRequired();
            // Legal texts as one JSON document in the column that held the plain accessibility statement (ADR-019).
            l.Property(x => x.Texts).HasColumnName("AccessibilityStatement").IsRequired()
                .HasConversion(TenantLegalTextsConverter.Converter, TenantLegalTextsConverter.Comparer);
            l.Ignore(x => x.HasImprint);
            l.Ignore(x => x.HasPrivacy);
        });
        builder.Navigation(t => t.Links).IsRequired();
        builder.Ignore(t => t.PostcodeList);
        builder.Property(t => t.ContactRetentionDays);
    }
}
