using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// SQLite as a serving database: the write-ahead log (readers never wait for the writer; set once, it stays in the
/// file), <c>synchronous=NORMAL</c> (safe with WAL: a power cut may lose the last commits, never the file),
/// a busy timeout so that a writer waits for another instead of failing, and the query planner's statistics kept
/// fresh by <c>PRAGMA optimize</c> (https://sqlite.org/pragma.html#pragma_optimize, https://sqlite.org/wal.html).
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    /// <summary>
    /// SQLite's advice for long-lived connections, which pooled ones are: on first open check every table and
    /// analyse those that need it (with a temporary analysis limit, so it stays quick on a large file).
    /// </summary>
    public const string Optimize = "PRAGMA optimize=0x10002;";

    private const string FirstOpen = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; " + Optimize;

    private static readonly object Seen = new();

    // The native connection outlives the pooled SqliteConnection objects that lend it; it is what "first open" means.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _opened = [];

    public static SqliteTuning Instance { get; } = new();

    /// <summary>Switches the file to the write-ahead log; call once at start, before anything else writes.</summary>
    public static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>Refreshes the planner's statistics where the data has changed enough; at start and periodically.</summary>
    public static async Task OptimizeAsync(DbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(Optimize, cancellationToken);

    // All three are settings of the native connection, which keeps them while the pool lends it out again: they run
    // on its first open only, not once per request.
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = FirstOpenCommand(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = FirstOpenCommand(connection);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand? FirstOpenCommand(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _opened.TryGetValue(handle, out _))
        {
            return null;
        }

        _opened.AddOrUpdate(handle, Seen);
        var command = connection.CreateCommand();
        command.CommandText = FirstOpen;
        return command;
    }
}
