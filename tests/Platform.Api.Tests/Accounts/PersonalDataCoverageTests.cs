using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// "Meine Daten" reads every table that names a person: the EF model is walked for columns that hold an account id
/// (a key to the accounts, or an id named for a person) or an e-mail address, and the SQL the export really runs must
/// read each of those tables. A new table with a person column fails here until the export reads it.
/// </summary>
public abstract class PersonalDataCoverageTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : SqlCapturingApp
{
    /// <summary>Columns that name no person, with the reason.</summary>
    private static readonly Dictionary<string, string> NotAPerson = new(StringComparer.Ordinal)
    {
        ["Tenants.ContactEmail"] = "the jobcenter's own public address",
    };

    private static readonly string[] PersonIdSuffixes = ["UserId", "ById", "AuthorId", "ActorId", "InvitedBy"];

    [Fact]
    public async Task The_export_reads_every_table_with_a_column_that_names_a_person()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "jana@gross-gerau.example");
        App.Sql.Clear();

        using var response = await SendAsync(client, HttpMethod.Get, "api/v1/me/data", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sql = string.Join("\n", App.Sql);
        var tables = PersonTables();
        Assert.Contains("ContactRequests", tables.Keys);
        Assert.Contains("PushSubscriptions", tables.Keys);
        Assert.Contains("AspNetUserTokens", tables.Keys);
        var unread = tables.Where(t => !sql.Contains($"\"{t.Key}\"", StringComparison.Ordinal))
            .Select(t => $"{t.Key} ({string.Join(", ", t.Value)})")
            .ToList();
        Assert.True(unread.Count == 0, "The export does not read: " + string.Join("; ", unread));
    }

    /// <summary>Table → the person columns found in it.</summary>
    private Dictionary<string, List<string>> PersonTables()
    {
        using var scope = App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Model;
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || entity.ClrType == typeof(PlatformUser))
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var accountKeys = entity.GetForeignKeys()
                .Where(fk => fk.PrincipalEntityType.ClrType == typeof(PlatformUser))
                .SelectMany(fk => fk.Properties);
            var named = entity.GetProperties().Where(p =>
                (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)) && PersonIdSuffixes.Any(s => p.Name.EndsWith(s, StringComparison.Ordinal))
                || p.ClrType == typeof(string) && p.Name.EndsWith("Email", StringComparison.Ordinal));
            foreach (var column in accountKeys.Concat(named).Select(p => p.GetColumnName(store)).OfType<string>().Distinct())
            {
                if (NotAPerson.ContainsKey($"{table}.{column}"))
                {
                    continue;
                }

                if (!found.TryGetValue(table, out var columns))
                {
                    found[table] = columns = [];
                }

                columns.Add(column);
            }
        }

        return found;
    }
}

/// <summary>The app with every SQL command it runs kept in <see cref="Sql"/> (EF Core's command log).</summary>
public abstract class SqlCapturingApp(DatabaseProvider provider) : PlatformApp(provider)
{
    public ConcurrentQueue<string> Sql { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureLogging(logging => logging.AddProvider(new CaptureProvider(Sql)));
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> sql) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capture(categoryName == DbLoggerCategory.Database.Command.Name ? sql : null);

        public void Dispose()
        {
        }
    }

    private sealed class Capture(ConcurrentQueue<string>? sql) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => sql is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sql?.Enqueue(formatter(state, exception));
    }
}

public sealed class SqliteSqlCapturingApp() : SqlCapturingApp(DatabaseProvider.Sqlite);

public sealed class PostgresSqlCapturingApp() : SqlCapturingApp(DatabaseProvider.PostgreSql);

public sealed class SqlitePersonalDataCoverageTests(SqliteSqlCapturingApp app) : PersonalDataCoverageTests<SqliteSqlCapturingApp>(app);

public sealed class PostgresPersonalDataCoverageTests(PostgresSqlCapturingApp app) : PersonalDataCoverageTests<PostgresSqlCapturingApp>(app);
