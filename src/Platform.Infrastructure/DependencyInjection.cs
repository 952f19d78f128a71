using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.ContactRequests;
using Platform.Application.Library;
using Platform.Application.Posts;
using Platform.Application.Reminders;
using Platform.Application.Tenants;
using Platform.Infrastructure.Cluster;
using Platform.Infrastructure.Email;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Images;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Notifications;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Persistence.Search;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool runJobServer)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<TenancyOptions>().Bind(configuration.GetSection(TenancyOptions.Section))
            .Validate(
                o => o.TrustedProxies.All(entry => TenancyOptions.TryParseProxy(entry, out _)),
                "Platform:Tenancy:TrustedProxies: every entry is an IP address (10.0.0.2) or a network in CIDR notation (10.42.0.0/16).")
            .ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().Bind(configuration.GetSection(PublicUrlOptions.Section));
        services.AddSingleton<ITenantLinks, TenantLinks>();
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section));
        services.AddOptions<EmbedOptions>().Bind(configuration.GetSection(EmbedOptions.Section));
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var connectionString = configuration.GetConnectionString("Platform");

        // Migrations run as the role that owns the schema; the platform connects as one that owns nothing (ADR-006).
        var migrationsConnectionString = database.Provider == DatabaseProvider.Sqlite
            ? null
            : configuration.GetConnectionString("PlatformMigrations") ?? connectionString;
        services.PostConfigure<DatabaseOptions>(o => o.MigrationsConnectionString = migrationsConnectionString);

        services.TryAddTimeProvider();
        services.AddScoped<CurrentTenant>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        services.AddScoped<ICurrentTenantSetter>(sp => sp.GetRequiredService<CurrentTenant>());
        services.AddSingleton<TenantCatalog>();
        services.AddSingleton<ITenantCatalog>(sp => sp.GetRequiredService<TenantCatalog>());
        services.AddSingleton<DatabaseInitializer>();

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlitePath(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString, environment);
                services.AddPooledPlatformDbContext<SqliteDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(SqliteTuning.Instance));
                services.AddTransient<OptimizeSqliteJob>();
                services.AddSingleton<IJobLock, InProcessJobLock>();
                services.AddScoped<IPostSearch, SqlitePostSearch>();
                services.AddSingleton<SqliteTenantSearchIndex>();
                var hangfireFile = Path.ChangeExtension(new SqliteConnectionStringBuilder(sqlite).DataSource, ".jobs.db");
                services.AddHangfire(c => Configure(c).UseSQLiteStorage(hangfireFile, new SQLiteStorageOptions
                {
                    QueuePollInterval = jobs.QueuePollInterval,
                }));
                services.AddSingleton<IJobHistoryEraser>(new HangfireJobEraser(DatabaseProvider.Sqlite, $"Data Source={hangfireFile}", ""));
                break;
            case DatabaseProvider.PostgreSql:
                var npgsql = Required(connectionString, database.Provider);
                services.AddPooledPlatformDbContext<PostgreSqlDbContext>(o => o.UseNpgsql(npgsql).AddInterceptors(TenantSessionInterceptor.PostgreSql));
                services.AddScoped<IPostSearch, PostgreSqlPostSearch>();

                services.AddSingleton<IJobLock>(new PostgreSqlJobLock(npgsql));

                // Hangfire's schema is prepared with the migrations, by the owner (PostgreSqlJobStorageSchema). Its
                // own locks (the schedulers', held for moments) are rows that a killed node leaves behind: after a
                // minute instead of ten another node may take them.
                services.AddHangfire(c => Configure(c).UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(npgsql),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = PostgreSqlJobStorageSchema.Name,
                        QueuePollInterval = jobs.QueuePollInterval,
                        PrepareSchemaIfNecessary = false,
                        DistributedLockTimeout = TimeSpan.FromMinutes(1),
                    }));
                services.AddSingleton<IJobHistoryEraser>(new HangfireJobEraser(DatabaseProvider.PostgreSql, npgsql, PostgreSqlJobStorageSchema.Name));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = Required(connectionString, database.Provider);
                services.AddPooledPlatformDbContext<SqlServerDbContext>(o => o.UseSqlServer(sqlServer).AddInterceptors(TenantSessionInterceptor.SqlServer));
                services.AddScoped<IPostSearch, SqlServerPostSearch>();
                services.AddSingleton<IJobLock>(new SqlServerJobLock(sqlServer));
                services.AddHangfire(c => Configure(c).UseSqlServerStorage(
                    sqlServer, new SqlServerStorageOptions { QueuePollInterval = jobs.QueuePollInterval, SchemaName = "hangfire" }));
                services.AddSingleton<IJobHistoryEraser>(new HangfireJobEraser(DatabaseProvider.SqlServer, sqlServer, "hangfire"));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{database.Provider}'.");
        }

        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<PlatformDbContext>());
        services.AddPlatformIdentity();
        services.AddSharedDataProtection(configuration, environment);
        services.AddSharedRedis(configuration);
        services.AddSingleton<TenantScopeRunner>();
        services.AddSingleton<ITenantScopeRunner>(sp => sp.GetRequiredService<TenantScopeRunner>());
        services.AddScoped<INetworkLibraryReads, NetworkLibraryReads>();
        services.AddScoped<IAccountService, AccountService>();
        services.AddScoped<ISignInService, PasswordSignInService>();
        services.AddScoped<IAccountRecovery, AccountRecovery>();
        services.AddScoped<IAccountSecurity, AccountSecurity>();
        services.AddSingleton<PostPublisher>();
        services.AddTransient<PublishPostJob>();
        services.AddTransient<PublishOverduePostsJob>();
        services.AddTransient<DeleteExpiredContactRequestsJob>();
        services.AddTransient<SendStaffDigestsJob>();
        services.AddTransient<NotifyLibraryAdoptersJob>();
        services.AddTransient<SendContactConfirmationJob>();
        services.AddTransient<SendCallbackConfirmationJob>();
        services.AddTransient<SendContactAnswerJob>();
        services.AddScoped<ContactMailQueue>();
        services.AddScoped<IContactConfirmationQueue>(sp => sp.GetRequiredService<ContactMailQueue>());
        services.AddScoped<IContactAnswerQueue>(sp => sp.GetRequiredService<ContactMailQueue>());
        services.AddScoped<ICallbackConfirmationQueue>(sp => sp.GetRequiredService<ContactMailQueue>());
        services.AddSingleton<ICallbackCancelTokens, CallbackCancelTokens>();
        services.AddSingleton<IDatabaseErrors, DatabaseErrors>();
        services.AddSingleton<IPostPublicationScheduler, HangfirePostPublicationScheduler>();
        services.AddOptions<PostViewOptions>().Bind(configuration.GetSection(PostViewOptions.Section))
            .Validate(o => o.FlushInterval > TimeSpan.Zero && o.FlushInterval <= TimeSpan.FromMinutes(1), "Platform:PostViews:FlushInterval must be positive and at most a minute.")
            .Validate(o => o.MaxPendingKeys > 0, "Platform:PostViews:MaxPendingKeys must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PostViewFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<PostViewFlusher>());
        services.AddEmail(configuration);
        services.AddNotifications(configuration);

        if (runJobServer)
        {
            services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = jobs.SchedulePollingInterval;
                o.WorkerCount = jobs.WorkerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = jobs.SchedulePollingInterval;
                o.WorkerCount = 1;
                o.Queues = [DeliverNotificationsJob.Queue];
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:notifications";
            });
        }

        // Readiness is "can serve": the database and the job storage answer, each within a few seconds so that the
        // probe itself never hangs. The status page adds what an operator watches but a balancer must not act on.
        var checkTimeout = TimeSpan.FromSeconds(3);
        services.AddHealthChecks()
            .AddDbContextCheck<PlatformDbContext>("database", tags: [HealthTags.Ready, HealthTags.Status])
            .AddTypeActivatedCheck<JobStorageHealthCheck>("jobs", null, [HealthTags.Ready, HealthTags.Status], false)
            .AddTypeActivatedCheck<JobStorageHealthCheck>("job-servers", null, [HealthTags.Status], true)
            .AddCheck<OverduePostsHealthCheck>("scheduled-posts", tags: [HealthTags.Status]);
        services.PostConfigure<HealthCheckServiceOptions>(o =>
        {
            foreach (var check in o.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                check.Timeout = checkTimeout;
            }
        });

        return services;
    }

    /// <summary>
    /// SMTP through MailKit. Only the settings are checked at start: the server may be down (the app still runs, and
    /// the account e-mails wait in their jobs until it is back).
    /// </summary>
    private static void AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host) && o.Port is > 0 and < 65536, "Platform:Email needs a Host and a Port.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.FromAddress, out _), "Platform:Email:FromAddress is not an e-mail address.")
            .ValidateOnStart();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<IEmailAddressCheck, SmtpAddressCheck>();
        services.AddScoped<IAccountEmailQueue, AccountEmailQueue>();
        services.AddTransient<SendAccountEmailJob>();
    }

    /// <summary>The delivery engine of reminders and notifications (in-app, e-mail, web push) and its jobs.</summary>
    private static void AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.BatchSize is > 0 and <= 5000, "Platform:Notifications:BatchSize must be between 1 and 5000.")
            .Validate(o => o.Lease > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero, "Platform:Notifications needs a positive Lease and PollInterval.")
            .Validate(o => o.BacklogCountInterval > TimeSpan.Zero, "Platform:Notifications:BacklogCountInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IEmailBatchSender, SmtpEmailBatchSender>();
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section))
            .Validate<IHostEnvironment>((o, environment) => !o.AllowLoopbackForTests || !environment.IsProduction(), "Platform:Push:AllowLoopbackForTests is for tests only.")
            .ValidateOnStart();
        services.AddSingleton<PushEndpointPolicy>();
        services.AddSingleton<IPushEndpointPolicy>(sp => sp.GetRequiredService<PushEndpointPolicy>());
        services.AddSingleton<IPushSender, WebPushSender>();
        services.AddSingleton<IImageProcessor, VipsImageProcessor>();
        services.AddSingleton<IAppIconRenderer, VipsAppIconRenderer>();
        services.AddSingleton<IPostCardRenderer, VipsPostCardRenderer>();
        services.AddSingleton<IUnsubscribeTokens, UnsubscribeTokens>();
        services.AddScoped<IRecipientDirectory, RecipientDirectory>();
        services.AddSingleton<INewPostNotifier, HangfireNewPostNotifier>();
        services.AddSingleton<ILibraryUpdateNotifier, HangfireLibraryUpdateNotifier>();
        services.AddTransient<DeliverNotificationsJob>();
        services.AddTransient<NotifyFollowersJob>();

        // The platform's own meter (ADR-030); the backlog gauge is fed by a count on every node.
        services.AddMetrics();
        services.AddSingleton<PlatformMetrics>();
        services.AddHostedService<DueDeliveriesMonitor>();
    }

    /// <summary>
    /// Contexts come from a pool (building an Identity context per request was the largest cost of the feed); each
    /// lease is bound to the scope's tenant and forgets it when it goes back. <see cref="IAppDbContext"/> is the same
    /// instance; the lease, not the scope's disposal of each service, returns it to the pool (once).
    /// </summary>
    private static void AddPooledPlatformDbContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : PlatformDbContext
    {
        services.TryAddSingleton<FeedCountInvalidation>();
        services.AddPooledDbContextFactory<TContext>((sp, o) =>
        {
            configure(o);
            o.AddInterceptors(sp.GetRequiredService<FeedCountInvalidation>());
        });
        services.AddScoped<ScopedPlatformDbContextLease<TContext>>();
        services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<ScopedPlatformDbContextLease<TContext>>().Context);
    }

    private static IGlobalConfiguration Configure(IGlobalConfiguration configuration)
    {
        // Hangfire's filters are process-wide: one activity filter however many hosts a process builds (the tests).
        if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobActivityFilter))
        {
            configuration.UseFilter(new JobActivityFilter());
        }

        return configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static string Required(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"ConnectionStrings:Platform is required for the {provider} provider.")
            : connectionString;

    /// <summary>A relative SQLite file lives under the content root; its folder is created if missing.</summary>
    private static string ResolveSqlitePath(string connectionString, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
