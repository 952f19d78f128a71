using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Accounts;
using Platform.Domain.Audit;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Events;
using Platform.Domain.Library;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The one model of the platform. Each provider has a derived context that carries its own migrations
/// (<see cref="SqliteDbContext"/>, <see cref="PostgreSqlDbContext"/>, <see cref="SqlServerDbContext"/>).
/// </summary>
public abstract class PlatformDbContext : IdentityDbContext<PlatformUser, PlatformRole, Guid>, IAppDbContext, IDataProtectionKeyContext
{
    private ICurrentTenant? _currentTenant;

    /// <summary>Options only, as the context pool requires: the tenant is set on every lease with <see cref="UseTenant"/>.</summary>
    protected PlatformDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string TenantFilter = "Tenant";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostTranslation> PostTranslations => Set<PostTranslation>();

    public DbSet<PostTranslationVersion> PostTranslationVersions => Set<PostTranslationVersion>();

    public DbSet<PostVersion> PostVersions => Set<PostVersion>();

    public DbSet<PostTransition> PostTransitions => Set<PostTransition>();

    public DbSet<PostJobRun> PostJobRuns => Set<PostJobRun>();

    public DbSet<PostImage> PostImages => Set<PostImage>();

    public DbSet<TenantLogo> TenantLogos => Set<TenantLogo>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();

    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();

    public DbSet<ContactAnswer> ContactAnswers => Set<ContactAnswer>();

    public DbSet<CallbackHours> CallbackHours => Set<CallbackHours>();

    public DbSet<CallbackBooking> CallbackBookings => Set<CallbackBooking>();

    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    public DbSet<EventSeats> EventSeats => Set<EventSeats>();

    public DbSet<LibraryItem> LibraryItems => Set<LibraryItem>();

    public DbSet<LibraryItemVersion> LibraryItemVersions => Set<LibraryItemVersion>();

    public DbSet<LibraryUsage> LibraryUsages => Set<LibraryUsage>();

    public DbSet<TenantTopic> TenantTopics => Set<TenantTopic>();

    public DbSet<LibraryAdoption> LibraryAdoptions => Set<LibraryAdoption>();

    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();

    public DbSet<PinnedLink> PinnedLinks => Set<PinnedLink>();

    public DbSet<PostViewDay> PostViewDays => Set<PostViewDay>();

    public DbSet<PostFeedbackDay> PostFeedbackDays => Set<PostFeedbackDay>();

    public DbSet<LibraryImage> LibraryImages => Set<LibraryImage>();

    public DbSet<LibraryCampaign> LibraryCampaigns => Set<LibraryCampaign>();

    public DbSet<LibraryCampaignOptIn> LibraryCampaignOptIns => Set<LibraryCampaignOptIn>();

    public DbSet<LibraryCampaignParticipation> LibraryCampaignParticipations => Set<LibraryCampaignParticipation>();

    /// <summary>
    /// The Data Protection key ring that every node shares (cookies, bearer tokens, antiforgery, unsubscribe links),
    /// each key encrypted with the configured certificate in production (<see cref="Cluster.SharedDataProtection"/>).
    /// Belongs to the platform, not to a tenant.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Keys of the platform that every node shares, such as the VAPID pair of web push; not a tenant's.</summary>
    public DbSet<PlatformKey> PlatformKeys => Set<PlatformKey>();

    /// <summary>
    /// Read by the query filter on every query, and by <see cref="TenantSessionInterceptor"/> for the database's own wall.
    /// Without a tenant it is <see cref="Guid.Empty"/>, the platform's own scope: no tenant's rows match, only
    /// platform-level accounts.
    /// </summary>
    internal Guid CurrentTenantId => _currentTenant?.Tenant?.Id ?? Guid.Empty;

    /// <summary>Binds a leased context to the scope's tenant; without it the context sees no tenant's rows.</summary>
    public PlatformDbContext UseTenant(ICurrentTenant currentTenant)
    {
        _currentTenant = currentTenant;
        return this;
    }

    /// <summary>
    /// Set while a <see cref="ScopedPlatformDbContextLease{TContext}"/> holds the context. The DI scope disposes the
    /// context once for every service type it was resolved as (<see cref="PlatformDbContext"/>, <see cref="IAppDbContext"/>);
    /// a second return to the pool would hand one context, with its tenant and its connection, to two requests at once.
    /// So only the lease returns it, and every other Dispose is a no-op while the lease holds it.
    /// </summary>
    private bool _heldByScopeLease;

    internal PlatformDbContext LeaseTo(ICurrentTenant currentTenant)
    {
        _heldByScopeLease = true;
        return UseTenant(currentTenant);
    }

    internal ValueTask ReturnFromLeaseAsync()
    {
        _heldByScopeLease = false;
        return DisposeAsync();
    }

    internal void ReturnFromLease()
    {
        _heldByScopeLease = false;
        Dispose();
    }

    // Back in the pool a context must not remember whose it was.
    public override void Dispose()
    {
        if (_heldByScopeLease)
        {
            return;
        }

        _currentTenant = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_heldByScopeLease)
        {
            return;
        }

        _currentTenant = null;
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantOwnership();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantOwnership();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC; SQLite forgets the kind on the way back, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                typeof(PlatformDbContext)
                    .GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType)
                    .Invoke(this, [builder]);
            }
        }
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantOwned =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    /// <summary>
    /// Stamps new tenant-owned rows that carry no tenant with the current one, and refuses to write any tenant-owned
    /// row of another tenant (or of a tenant while there is none).
    /// </summary>
    private void GuardTenantOwnership()
    {
        var current = CurrentTenantId;
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Property(nameof(ITenantOwned.TenantId)).CurrentValue = current;
            }

            if (entry.Entity.TenantId != current)
            {
                throw current == Guid.Empty
                    ? new TenantRequiredException()
                    : new InvalidOperationException(
                        $"Refusing to save {entry.Metadata.ClrType.Name} of tenant {entry.Entity.TenantId} while the current tenant is {current}.");
            }
        }
    }
}
