using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Platform.Application.Common;
using Platform.Infrastructure.Persistence;
using Respawn;
using Respawn.Graph;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// The real host (Program) on a real database: a fresh SQLite file or a fresh PostgreSQL database on the server that
/// <c>./test.sh</c> starts. On PostgreSQL the database belongs to <see cref="PostgresOwner"/>, which migrates, and the
/// platform connects as <see cref="PostgresAppLogin"/>, which owns nothing (ADR-006). Jobs run on real Hangfire storage
/// with short polling. E-mail goes over real SMTP to the app's own <see cref="SmtpSink"/> (<see cref="Mail"/>). One per
/// test class; call <see cref="ResetAsync"/> to return to the seeded demo state between tests.
/// </summary>
public class PlatformApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "PLATFORM_TEST_POSTGRES";

    /// <summary>The role that owns the test databases and runs the migrations; neither superuser nor exempt from row security.</summary>
    public const string PostgresOwner = "platform_test_owner";

    /// <summary>The login the platform connects as: a member of <see cref="PostgreSqlRowLevelSecurity.AppRole"/>.</summary>
    public const string PostgresAppLogin = "platform_test_app";

    private const string PostgresTestPassword = "platform-test";

    private readonly string _workDir = Directory.CreateTempSubdirectory("platform-test-").FullName;
    private string _connectionString = "";
    private string _migrationsConnectionString = "";
    private string _superuserConnectionString = "";
    private Respawner? _respawner;
    private SmtpSink? _mail;

    private readonly PlatformApp? _databaseOf;

    public PlatformApp(DatabaseProvider provider) => Provider = provider;

    /// <summary>A host on the database and job storage of <paramref name="databaseOf"/>, as after a restart.</summary>
    private PlatformApp(PlatformApp databaseOf)
        : this(databaseOf.Provider) => (_databaseOf, Clock) = (databaseOf, databaseOf.Clock);

    /// <summary>Leave the database in place on dispose, for a <see cref="Restart"/> that comes after.</summary>
    public bool KeepDatabase { get; set; }

    /// <summary>
    /// A new host (not yet initialized) on this host's database and job storage: dispose this one first (with
    /// <see cref="KeepDatabase"/>) to play a restart. The new host removes the database when it is disposed.
    /// </summary>
    public PlatformApp Restart() => new(this);

    /// <summary>
    /// A second node (not yet initialized) beside this one, on the same database and job storage, with its own content
    /// root as on another machine, and <paramref name="settings"/> of its own. Dispose this one with
    /// <see cref="KeepDatabase"/>; the second node removes the database when it is disposed.
    /// </summary>
    public PlatformApp SecondNode(string contentRoot, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(this) { ContentRoot = contentRoot, Settings = settings ?? new Dictionary<string, string?>() };

    /// <summary>The host's content root; null: the platform's project folder, as for every test host.</summary>
    public string? ContentRoot { get; init; }

    /// <summary>Settings of this host on top of the tests' own (for example a Data Protection certificate).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// The clock the platform reads, for a test that moves time itself (<see cref="FakeTimeProvider.Advance"/>) instead
    /// of waiting for it; null (the default): the system clock. A <see cref="Restart"/> keeps the clock, as a machine
    /// does. Hangfire's own scheduler still runs on the wall clock: a delayed job is checked in its storage, and what
    /// is due by this clock is published by the catch-up job.
    /// </summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>A fake clock at the current second (posts are scheduled to whole seconds).</summary>
    public static FakeTimeProvider NewClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    /// <summary>Every log line of the host at every level, with its scopes; null (the default): none kept.</summary>
    public LogCapture? Logs { get; init; }

    /// <summary>The SMTP sink announces SMTPUTF8 (RFC 6531); without it, like many servers, it does not.</summary>
    protected bool OfferSmtpUtf8 { get; init; }

    /// <summary>Serve on a real loopback port (for the browser); read <see cref="ServerAddress"/> after start.</summary>
    protected bool ListenOnKestrel { get; init; }

    /// <summary>The platform's own connection (on PostgreSQL as <see cref="PostgresAppLogin"/>).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>The SMTP server the app sends to; every message it received.</summary>
    public SmtpSink Mail => _mail ?? throw new InvalidOperationException("The SMTP sink starts in InitializeAsync.");

    /// <summary>The connection that migrates (on PostgreSQL as <see cref="PostgresOwner"/>); the same on SQLite.</summary>
    public string MigrationsConnectionString => _migrationsConnectionString;

    /// <summary>The loopback address Kestrel listens on, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri ServerAddress => ListenOnKestrel
        ? new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First())
        : throw new InvalidOperationException("Only a Kestrel-hosted app has a server address.");

    public virtual async Task InitializeAsync()
    {
        _mail = SmtpSink.Start(OfferSmtpUtf8);
        (_connectionString, _migrationsConnectionString, _superuserConnectionString) = _databaseOf is { } earlier
            ? (earlier._connectionString, earlier._migrationsConnectionString, earlier._superuserConnectionString)
            : Provider switch
            {
                DatabaseProvider.Sqlite => SqliteConnectionStrings(Path.Combine(_workDir, "platform.db")),
                DatabaseProvider.PostgreSql => await CreatePostgresDatabaseAsync(),
                _ => throw new NotSupportedException($"{Provider} cannot run on this machine."),
            };

        if (ListenOnKestrel)
        {
            UseKestrel(0);
            StartServer();
        }
        else
        {
            _ = Server;
        }
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_mail is not null)
        {
            await _mail.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (KeepDatabase)
        {
            return;
        }

        try
        {
            if (_databaseOf is not null)
            {
                Directory.Delete(_databaseOf._workDir, recursive: true);
            }

            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// Starts the app, expects the start to fail, disposes it, and returns the messages of the exception and all its
    /// causes (start-up validation aggregates them), joined by <c> | </c>.
    /// </summary>
    public async Task<string> StartFailureAsync()
    {
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(InitializeAsync);
            var messages = new List<string>();
            var causes = new Stack<Exception>([failure]);
            while (causes.TryPop(out var e))
            {
                messages.Add(e.Message);
                IEnumerable<Exception> inner = e is AggregateException all ? all.InnerExceptions : e.InnerException is { } one ? [one] : [];
                foreach (var cause in inner)
                {
                    causes.Push(cause);
                }
            }

            return string.Join(" | ", messages);
        }
        finally
        {
            await DisposeAsync();
        }
    }

    /// <summary>Client for a tenant by host name: <c>http://{slug}.localhost/</c>.</summary>
    public HttpClient CreateClientForHost(string host) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false });

    public HttpClient CreateTenantClient(string slug) => CreateClientForHost($"{slug}.localhost");

    /// <summary>Client for a tenant by path prefix on the bare host: <c>http://localhost/t/{slug}/</c>.</summary>
    public HttpClient CreatePrefixClient(string slug) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost/t/{slug}/"), AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="work"/> in a fresh scope as the tenant with the slug (as a job would).</summary>
    public Task<T> InTenantAsync<T>(string slug, Func<IServiceProvider, Task<T>> work) => Services.InTenantAsync(slug, work);

    public Task InTenantAsync(string slug, Func<IServiceProvider, Task> work) =>
        InTenantAsync(slug, async sp =>
        {
            await work(sp);
            return true;
        });

    /// <summary>Empties every table (Respawn) and the mailbox, and seeds the demo data again.</summary>
    public async Task ResetAsync()
    {
        Mail.Clear();
        await using (var connection = OpenConnection())
        {
            await connection.OpenAsync();
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = Provider == DatabaseProvider.PostgreSql ? DbAdapter.Postgres : DbAdapter.Sqlite,
                // SQLite's per-tenant search tables are kept in sync by triggers while Posts is emptied, and the start
                // drops those of the tenants that are gone; their own tables must not be emptied directly (FTS5 keeps
                // its format version in PostSearch_…_config). Tables made after this point are not in Respawn's list.
                TablesToIgnore = ["__EFMigrationsHistory", "DataProtectionKeys", "PlatformKeys", .. await SearchTablesAsync(connection)],
                SchemasToExclude = Provider == DatabaseProvider.PostgreSql ? ["hangfire"] : [],
            });
            await _respawner.ResetAsync(connection);
        }

        Services.GetRequiredService<ITenantCatalog>().Invalidate();
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        Services.GetRequiredService<ITenantCatalog>().Invalidate();
    }

    private async Task<Table[]> SearchTablesAsync(DbConnection connection)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'PostSearch%'";
        var tables = new List<Table>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return [.. tables];
    }

    /// <summary>
    /// A connection (not yet open) that sees every row, for resets and for tests that inspect the whole database: on
    /// PostgreSQL the server's superuser, to which row-level security does not apply.
    /// </summary>
    public DbConnection OpenConnection() => Provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnection(_superuserConnectionString)
        : new SqliteConnection(_superuserConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Platform:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Platform", _connectionString);
        builder.UseSetting("ConnectionStrings:PlatformMigrations", _migrationsConnectionString);
        builder.UseSetting("Platform:Jobs:SchedulePollingInterval", "00:00:00.200");
        builder.UseSetting("Platform:Jobs:QueuePollInterval", "00:00:00.200");
        builder.UseSetting("Platform:Jobs:WorkerCount", "2");
        builder.UseSetting("Platform:Jobs:PublishRetryDelay", "00:00:00.200");

        // The catch-up runs when a test starts it (or once a year), so that it cannot race a test's own steps.
        builder.UseSetting("Platform:Jobs:CatchUpCron", "0 3 1 1 *");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Platform:Email:Host", Mail.Host);
        builder.UseSetting("Platform:Email:Port", Mail.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:Email:Security", "None");

        // Tests post the contact form far more often than a person; the limit itself is tested with a strict app.
        builder.UseSetting("Platform:RateLimits:ContactPerMinute", "1000");

        // The tests' push services listen on loopback (http); a production host refuses this setting at start.
        builder.UseSetting("Platform:Push:AllowLoopbackForTests", "true");
        // The browser test frames the widget from a page on http://127.0.0.1:port (ADR-027).
        builder.UseSetting("Platform:Embed:AllowLoopbackHttp", "true");

        // Every reset seeds the demo accounts again: a cheap hash keeps that fast. Production keeps the default.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<LogCapture>(null, LogLevel.Trace));
        }

        if (Environment.GetEnvironmentVariable(LogFileCapture.DirectoryVariable) is { Length: > 0 } logDirectory)
        {
            Directory.CreateDirectory(logDirectory);
            var file = Path.Combine(logDirectory, $"platform-{Environment.ProcessId}.log");
            builder.ConfigureLogging(logging => logging.AddProvider(new LogFileCapture(file))
                .AddFilter<LogFileCapture>(null, LogLevel.Information)
                .AddFilter<LogFileCapture>("Microsoft.AspNetCore", LogLevel.Warning)
                .AddFilter<LogFileCapture>("Microsoft.EntityFrameworkCore", LogLevel.Warning)
                .AddFilter<LogFileCapture>("Hangfire", LogLevel.Warning)
                .AddFilter<LogFileCapture>("Platform", LogLevel.Debug));
        }

        if (ContentRoot is { } contentRoot)
        {
            builder.UseContentRoot(contentRoot);
        }

        ConfigureSettings(builder);
    }

    /// <summary>The PostgreSQL server the test database is created on: the shared one <c>./test.sh</c> starts, unless a derived app brings its own.</summary>
    protected virtual string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable);

    /// <summary>Extra settings or services of a derived app (for example a trusted proxy).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    private static (string App, string Migrations, string Superuser) SqliteConnectionStrings(string file) =>
        ($"Data Source={file}", $"Data Source={file}", $"Data Source={file}");

    /// <summary>
    /// A fresh database owned by <see cref="PostgresOwner"/>; the roles belong to the server and are created by the
    /// first test app that needs them (two test processes may try at the same moment).
    /// </summary>
    private async Task<(string App, string Migrations, string Superuser)> CreatePostgresDatabaseAsync()
    {
        var server = PostgresServer;
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and sets it.");
        }

        var name = $"platform_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await ExecuteUnlessExistsAsync(admin, $"CREATE ROLE {PostgreSqlRowLevelSecurity.AppRole} NOLOGIN");
            await ExecuteUnlessExistsAsync(admin, $"CREATE ROLE {PostgresOwner} LOGIN PASSWORD '{PostgresTestPassword}'");
            await ExecuteUnlessExistsAsync(admin, $"CREATE ROLE {PostgresAppLogin} LOGIN PASSWORD '{PostgresTestPassword}'");
            await ExecuteUnlessExistsAsync(admin, $"GRANT {PostgreSqlRowLevelSecurity.AppRole} TO {PostgresAppLogin}");
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\" OWNER {PostgresOwner}";
            await create.ExecuteNonQueryAsync();
        }

        var superuser = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return (
            new NpgsqlConnectionStringBuilder(superuser) { Username = PostgresAppLogin, Password = PostgresTestPassword }.ConnectionString,
            new NpgsqlConnectionStringBuilder(superuser) { Username = PostgresOwner, Password = PostgresTestPassword }.ConnectionString,
            superuser);
    }

    private static async Task ExecuteUnlessExistsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // Created before, or by another test process at the same moment.
        }
    }
}

/// <summary>The app on a fresh SQLite file.</summary>
public sealed class SqliteApp() : PlatformApp(DatabaseProvider.Sqlite);

/// <summary>The app on a fresh PostgreSQL database.</summary>
public sealed class PostgresApp() : PlatformApp(DatabaseProvider.PostgreSql);

/// <summary>The app on a fresh SQLite file, on a fake clock that only a test moves.</summary>
public sealed class SqliteFakeClockApp : PlatformApp
{
    public SqliteFakeClockApp()
        : base(DatabaseProvider.Sqlite) => Clock = NewClock();
}

/// <summary>The app on a fresh PostgreSQL database, on a fake clock that only a test moves.</summary>
public sealed class PostgresFakeClockApp : PlatformApp
{
    public PostgresFakeClockApp()
        : base(DatabaseProvider.PostgreSql) => Clock = NewClock();
}
