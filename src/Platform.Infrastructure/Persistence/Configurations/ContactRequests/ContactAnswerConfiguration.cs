using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.ContactRequests;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.ContactRequests;

public sealed class ContactAnswerConfiguration : IEntityTypeConfiguration<ContactAnswer>
{
    public void Configure(EntityTypeBuilder<ContactAnswer> builder)
    {
        builder.ToTable("ContactAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);

        // An answer goes with its request: deleted by staff or by the retention job.
        builder.HasOne<ContactRequest>().WithMany().HasForeignKey(a => a.ContactRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Text).HasMaxLength(ContactAnswer.MaxTextLength).IsRequired();
        builder.Property(a => a.AuthorName).HasMaxLength(200).IsRequired();
        builder.Ignore(a => a.MessageIdLocalPart);
        builder.HasIndex(a => new { a.ContactRequestId, a.CreatedAt });
    }
}
