using Microsoft.EntityFrameworkCore;
using Platform.Domain.Accounts;
using Platform.Domain.Audit;
using Platform.Domain.ContactRequests;
using Platform.Domain.Events;
using Platform.Domain.Library;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;

namespace Platform.Application.Common;

/// <summary>
/// The port through which use cases reach the database. Tenant-owned sets are already filtered by the current
/// tenant; saving a tenant-owned row for another tenant throws.
/// </summary>
public interface IAppDbContext
{
    DbSet<Tenant> Tenants { get; }

    DbSet<Post> Posts { get; }

    DbSet<PostTranslation> PostTranslations { get; }

    DbSet<PostTranslationVersion> PostTranslationVersions { get; }

    DbSet<PostVersion> PostVersions { get; }

    DbSet<PostTransition> PostTransitions { get; }

    DbSet<PostJobRun> PostJobRuns { get; }

    DbSet<PostImage> PostImages { get; }

    DbSet<TenantLogo> TenantLogos { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Reminder> Reminders { get; }

    DbSet<ReminderDelivery> ReminderDeliveries { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationPreferences> NotificationPreferences { get; }

    DbSet<ConsentRecord> ConsentRecords { get; }

    DbSet<PushSubscription> PushSubscriptions { get; }

    DbSet<ContactRequest> ContactRequests { get; }

    DbSet<ContactAnswer> ContactAnswers { get; }

    DbSet<CallbackHours> CallbackHours { get; }

    DbSet<CallbackBooking> CallbackBookings { get; }

    DbSet<EventRegistration> EventRegistrations { get; }

    DbSet<EventSeats> EventSeats { get; }

    DbSet<LibraryItem> LibraryItems { get; }

    DbSet<LibraryItemVersion> LibraryItemVersions { get; }

    DbSet<LibraryUsage> LibraryUsages { get; }

    DbSet<TenantTopic> TenantTopics { get; }

    DbSet<LibraryAdoption> LibraryAdoptions { get; }

    DbSet<Bookmark> Bookmarks { get; }

    DbSet<PinnedLink> PinnedLinks { get; }

    DbSet<PostViewDay> PostViewDays { get; }

    DbSet<PostFeedbackDay> PostFeedbackDays { get; }

    DbSet<LibraryImage> LibraryImages { get; }

    DbSet<LibraryCampaign> LibraryCampaigns { get; }

    DbSet<LibraryCampaignOptIn> LibraryCampaignOptIns { get; }

    DbSet<LibraryCampaignParticipation> LibraryCampaignParticipations { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
