using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure.Persistence;

/// <summary>Migrates the database at start-up and seeds the demo tenants and posts into an empty one.</summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopeFactory, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    /// <summary>How many demo posts per tenant are scheduled for later, so the feed grows while the demo runs.</summary>
    public const int ScheduledDemoPostsPerTenant = 3;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (options.Value.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (options.Value.SeedDemoData && !await db.Tenants.AnyAsync(cancellationToken))
        {
            await SeedAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    private async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tenants = new[]
        {
            Tenant.Create(
                "gross-gerau",
                "Kommunales Jobcenter Groß-Gerau",
                new TenantBranding { PrimaryColor = "#00527a", AccentColor = "#9a3412", LogoText = "GG" },
                new TenantContact
                {
                    Phone = "06152 000-100",
                    Email = "u25@jobcenter-gross-gerau.example",
                    Address = "Musterstraße 1, 64521 Groß-Gerau",
                    OpeningHours = "Mo–Fr 8–12 Uhr, Do 14–17 Uhr",
                    AppointmentUrl = "https://jobcenter-gross-gerau.example/termin",
                },
                now,
                postcodes: ["64521", "64546", "65428"]),
            Tenant.Create(
                "offenbach",
                "Jobcenter MainArbeit Offenbach",
                new TenantBranding { PrimaryColor = "#7a1f3d", AccentColor = "#1f6f43", LogoText = "OF" },
                new TenantContact
                {
                    Phone = "069 000-200",
                    Email = "jugend@mainarbeit-offenbach.example",
                    Address = "Beispielweg 5, 63065 Offenbach am Main",
                    OpeningHours = "Mo–Fr 8–12:30 Uhr",
                    AppointmentUrl = "https://mainarbeit-offenbach.example/termin",
                },
                now,
                postcodes: ["63065", "63067", "63069"]),
        };

        var db = services.GetRequiredService<PlatformDbContext>();
        db.Tenants.AddRange(tenants);
        await db.SaveChangesAsync(cancellationToken);

        var setter = services.GetRequiredService<ICurrentTenantSetter>();
        var scheduled = new List<(Guid TenantId, Guid PostId, DateTime PublishAt)>();
        foreach (var tenant in tenants)
        {
            setter.SetTenant(TenantMapper.ToInfo(tenant));
            var content = DemoContent.Posts;
            for (var i = 0; i < content.Count; i++)
            {
                var (title, summary, body, topics) = content[i];
                var post = Post.CreateDraft(
                    tenant.Id,
                    title,
                    summary,
                    body.Replace("{Name}", tenant.DisplayName, StringComparison.Ordinal)
                        .Replace("{Telefon}", tenant.Contact.Phone, StringComparison.Ordinal)
                        + "\n\n*Demo-Inhalt: Dieser Beitrag zeigt, wie die Plattform aussieht.*",
                    topics,
                    now.AddDays(-30),
                    isDemo: true);
                var laterIndex = i - (content.Count - ScheduledDemoPostsPerTenant);
                if (laterIndex >= 0)
                {
                    var publishAt = now.AddMinutes(2 + (laterIndex * 3));
                    post.Schedule(publishAt, now);
                    scheduled.Add((tenant.Id, post.Id, publishAt));
                }
                else
                {
                    // Spread the published demo posts over the last weeks so the feed has an order.
                    post.Publish(now.AddDays(-content.Count + i).AddHours(-i));
                }

                db.Posts.Add(post);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        setter.SetTenant(null);
        var scheduler = services.GetRequiredService<IPostPublicationScheduler>();
        foreach (var (tenantId, postId, publishAt) in scheduled)
        {
            scheduler.SchedulePublication(tenantId, postId, publishAt);
        }

        LogSeeded(logger, tenants.Length, DemoContent.Posts.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {TenantCount} demo tenants with {PostCount} posts each")]
    private static partial void LogSeeded(ILogger logger, int tenantCount, int postCount);
}
