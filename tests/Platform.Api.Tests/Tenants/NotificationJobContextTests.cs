using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api.Tests.Errors;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;

namespace Platform.Api.Tests.Tenants;

/// <summary>The input app with every error the platform logs kept, from the first start on.</summary>
public class ErrorLogApp(DatabaseProvider provider) : InputApp(provider)
{
    public ConcurrentQueue<string> Errors { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CaptureProvider(Errors)));
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capture(categoryName, errors);

        public void Dispose()
        {
        }
    }

    private sealed class Capture(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // EF probes for the migrations history table of a brand-new database and logs the failed probe as an error.
            var message = formatter(state, exception);
            if (logLevel >= LogLevel.Error && !message.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            {
                errors.Enqueue($"{category}: {message} {exception?.GetType().Name}: {exception?.Message}");
            }
        }
    }
}

public sealed class SqliteErrorLogApp() : ErrorLogApp(DatabaseProvider.Sqlite);

public sealed class PostgresErrorLogApp() : ErrorLogApp(DatabaseProvider.PostgreSql);

/// <summary>
/// The delivery engine runs its lanes for both jobcenters at once, each in a scope of its own — from the first start
/// (its first run is triggered as the app starts) and on every later pass: no lane may ever find its context disposed
/// or shared with another lane.
/// </summary>
public abstract class NotificationJobContextTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : ErrorLogApp
{
    [Fact]
    public async Task Parallel_delivery_lanes_never_share_or_lose_their_context()
    {
        var job = App.Services.GetRequiredService<DeliverNotificationsJob>();

        for (var pass = 0; pass < 40; pass++)
        {
            await job.DeliverDueAsync(CancellationToken.None);
        }

        var errors = App.Errors.ToArray();
        Assert.True(errors.Length == 0, string.Join('\n', errors.Take(5)));
    }
}

public sealed class SqliteNotificationJobContextTests(SqliteErrorLogApp app) : NotificationJobContextTests<SqliteErrorLogApp>(app);

public sealed class PostgresNotificationJobContextTests(PostgresErrorLogApp app) : NotificationJobContextTests<PostgresErrorLogApp>(app);
