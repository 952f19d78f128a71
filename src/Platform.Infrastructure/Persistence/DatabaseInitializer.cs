using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence.Search;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure.Persistence;

/// <summary>Migrates the database at start-up and seeds the demo tenants and posts into an empty one.</summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopeFactory, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    /// <summary>The password of every demo account; demo data is for trying the platform out, never for production.</summary>
    public const string DemoPassword = "Plattform-Demo-2026";

    /// <summary>How many demo posts per tenant are scheduled for later, so the feed grows while the demo runs.</summary>
    public const int ScheduledDemoPostsPerTenant = 3;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sqlite = options.Value.Provider == DatabaseProvider.Sqlite;
        if (sqlite)
        {
            await SqliteTuning.UseWriteAheadLogAsync(db, cancellationToken);
        }

        if (options.Value.MigrateOnStartup)
        {
            _ = await MigrateAsync(cancellationToken);
        }

        await EnsureRolesAsync(scope.ServiceProvider);
        if (options.Value.SeedDemoData && !await db.Tenants.AnyAsync(cancellationToken))
        {
            await SeedAsync(scope.ServiceProvider, cancellationToken);
        }

        if (sqlite)
        {
            await scope.ServiceProvider.GetRequiredService<SqliteTenantSearchIndex>().SynchronizeAsync(db, cancellationToken);
            await SqliteTuning.OptimizeAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// Migrates as the role that owns the schema (ADR-006), in a scope of its own so that the platform's work afterwards
    /// uses the platform's connection again. On PostgreSQL Hangfire's schema is part of the migrations. Returns how many
    /// migrations were applied; <c>--migrate-only</c> calls it alone (ADR-028).
    /// </summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var owner = options.Value.MigrationsConnectionString;
        var platform = db.Database.GetConnectionString();
        if (owner is not null)
        {
            db.Database.SetConnectionString(owner);
        }

        int applied;
        try
        {
            applied = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            // The context goes back to the pool: it must not keep the owner's connection.
            db.Database.SetConnectionString(platform);
        }

        if (options.Value.Provider == DatabaseProvider.PostgreSql && owner is not null)
        {
            // Hangfire's installer logs through Hangfire's global log provider, which AddHangfire points at this host's
            // logging when the job storage is first built: build it first.
            _ = scope.ServiceProvider.GetRequiredService<JobStorage>();
            await PostgreSqlJobStorageSchema.PrepareAsync(owner, cancellationToken);
        }

        return applied;
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<PlatformRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new PlatformRole(role)));
            }
        }
    }

    private static async Task SeedAccountAsync(IServiceProvider services, string email, string displayName, string? role, DateTime now)
    {
        var users = services.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            ConfirmedAtLeast16 = true,
            ConfirmedAtLeast16At = now,
            CreatedAt = now,
        };
        Check(await users.CreateAsync(user, DemoPassword));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
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
                    VideoConsultationHint = "Für Video-Termine nutzen wir einen Videodienst im Browser: Du brauchst keine App und kein Konto.\n\n"
                        + "Den Link bekommst du mit der Einladung per E-Mail oder SMS. Öffne ihn fünf Minuten vor dem Termin.",
                    VideoConsultationUrl = "https://jobcenter-gross-gerau.example/video-termin",
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

        foreach (var tenant in tenants)
        {
            tenant.ChangeLegalTexts("", "", DemoContent.LegalTexts(tenant));
        }

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
                string Fill(string text) => text.Replace("{Name}", tenant.DisplayName, StringComparison.Ordinal)
                    .Replace("{Telefon}", tenant.Contact.Phone, StringComparison.Ordinal);
                var postContent = new PostContent
                {
                    Title = title,
                    Summary = summary,
                    BodyMarkdown = Fill(body) + "\n\n*Demo-Inhalt: Dieser Beitrag zeigt, wie die Plattform aussieht.*",
                    Topics = topics,
                };
                if (DemoContent.Events.TryGetValue(i, out var demoEvent))
                {
                    // A few demo posts are workshops in the coming weeks, so the events page is not empty.
                    var starts = BerlinTime.ToUtc(BerlinTime.ToLocal(now).Date.AddDays(demoEvent.DaysAhead).AddHours(demoEvent.Hour));
                    postContent = postContent with
                    {
                        EventStartsAt = starts,
                        EventEndsAt = starts.AddHours(2),
                        EventPlace = demoEvent.Place.Replace("{Name}", tenant.DisplayName, StringComparison.Ordinal),
                        EventCapacity = demoEvent.Capacity,
                    };
                }

                if (DemoTranslations.EasyRead.TryGetValue(i, out var easyRead))
                {
                    // One demo post in Leichte Sprache as well (issue 14).
                    postContent = postContent with
                    {
                        EasyReadTitle = easyRead.Title,
                        EasyReadSummary = easyRead.Summary,
                        EasyReadBodyMarkdown = Fill(easyRead.Body),
                    };
                }

                var cover = DemoContent.Covers.TryGetValue(i, out var demoCover) ? demoCover : default;
                if (cover.Image is not null)
                {
                    postContent = postContent with { HasCoverImage = true, CoverImageAlt = cover.Alt };
                }

                var post = Post.Create(tenant.Id, postContent, PostActor.System, now.AddDays(-30), isDemo: true);
                if (cover.Image is not null)
                {
                    db.PostImages.Add(PostImage.Create(
                        tenant.Id, post.Id, "image/jpeg", DemoContent.CoverImage(cover.Image), DemoContent.CoverWidth, DemoContent.CoverHeight, now));
                }

                var laterIndex = i - (content.Count - ScheduledDemoPostsPerTenant);
                if (laterIndex >= 0)
                {
                    var publishAt = now.AddMinutes(2 + (laterIndex * 3));
                    post.Schedule(publishAt, PostActor.System, now, fourEyesRule: false);
                    scheduled.Add((tenant.Id, post.Id, publishAt));
                }
                else
                {
                    // Spread the published demo posts over the last weeks so the feed has an order.
                    post.Publish(now.AddDays(-content.Count + i).AddHours(-i));
                }

                db.Posts.Add(post);
                if (DemoTranslations.Posts.TryGetValue(i, out var translations))
                {
                    // Demo translations come approved, as if a second person had checked them (issue 14).
                    foreach (var (language, text) in translations)
                    {
                        var translation = PostTranslation.Create(
                            post, language, new TranslationText { Title = text.Title, Summary = text.Summary, BodyMarkdown = Fill(text.Body) }, PostActor.System, now);
                        translation.SubmitForReview(now);
                        translation.Approve(PostActor.System, now, fourEyesRule: false);
                        db.PostTranslations.Add(translation);
                    }

                    post.IndexTranslations(db.PostTranslations.Local.Where(t => t.PostId == post.Id).Select(t => t.Live));
                }
            }

            await db.SaveChangesAsync(cancellationToken);

            var domain = tenant.Slug + ".example";
            await SeedAccountAsync(services, $"admin@{domain}", "Leitung", Roles.TenantAdmin, now);
            await SeedAccountAsync(services, $"redaktion@{domain}", "Redaktion", Roles.Editor, now);
            await SeedAccountAsync(services, $"pruefung@{domain}", "Prüfung", Roles.Reviewer, now);
            await SeedAccountAsync(services, $"jana@{domain}", "Jana", null, now);
        }

        setter.SetTenant(TenantMapper.ToInfo(tenants[0]));
        await SeedAccountAsync(services, "netzwerk@gross-gerau.example", "Netzwerkredaktion", Roles.NetworkEditor, now);

        // The cross-jobcenter team has members in several jobcenters; a second one approves what the first wrote.
        setter.SetTenant(TenantMapper.ToInfo(tenants[1]));
        await SeedAccountAsync(services, "netzwerk@offenbach.example", "Netzwerkredaktion Offenbach", Roles.NetworkEditor, now);
        setter.SetTenant(null);
        await SeedAccountAsync(services, "admin@plattform.example", "Plattform-Betrieb", Roles.PlatformAdmin, now);
        var scheduler = services.GetRequiredService<IPostPublicationScheduler>();
        foreach (var (tenantId, postId, publishAt) in scheduled)
        {
            _ = scheduler.SchedulePublication(tenantId, postId, publishAt);
        }

        LogSeeded(logger, tenants.Length, DemoContent.Posts.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {TenantCount} demo tenants with {PostCount} posts each")]
    private static partial void LogSeeded(ILogger logger, int tenantCount, int postCount);
}
