using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// <see cref="IJobLock"/> on PostgreSQL: a session advisory lock on a connection of its own, outside the pool, that the
/// run keeps open. PostgreSQL frees the lock when that session ends, so a killed node or a restarted database frees it
/// too. The session's application name carries the node's process id, so an operator sees in
/// <c>pg_stat_activity</c> which node runs what.
/// </summary>
public sealed class PostgreSqlJobLock(string connectionString) : IJobLock
{
    public const string ApplicationName = "platform job lock";

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        ApplicationName = $"{ApplicationName} {Environment.ProcessId}",
    }.ConnectionString;

    /// <summary>The advisory lock's key: the first eight bytes of the name's SHA-256, the same on every node.</summary>
    public static long Key(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken) =>
        SessionLock.HoldAsync(new NpgsqlConnection(_connectionString), async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", (NpgsqlConnection)connection);
            command.Parameters.AddWithValue("key", Key(name));
            return await command.ExecuteScalarAsync(ct) is true;
        }, cancellationToken);
}
