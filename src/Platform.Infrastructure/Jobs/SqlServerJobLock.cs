using System.Data;
using Microsoft.Data.SqlClient;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// <see cref="IJobLock"/> on SQL Server: an exclusive application lock owned by a session of its own, outside the
/// pool, that the run keeps open; SQL Server frees it when that session ends.
/// </summary>
public sealed class SqlServerJobLock(string connectionString) : IJobLock
{
    private readonly string _connectionString = new SqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        ApplicationName = $"{PostgreSqlJobLock.ApplicationName} {Environment.ProcessId}",
    }.ConnectionString;

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken) =>
        SessionLock.HoldAsync(new SqlConnection(_connectionString), async (connection, ct) =>
        {
            await using var command = new SqlCommand("sp_getapplock", (SqlConnection)connection) { CommandType = CommandType.StoredProcedure };
            command.Parameters.AddWithValue("@Resource", $"platform:{name}");
            command.Parameters.AddWithValue("@LockMode", "Exclusive");
            command.Parameters.AddWithValue("@LockOwner", "Session");
            command.Parameters.AddWithValue("@LockTimeout", 0);
            var result = command.Parameters.Add("@Result", SqlDbType.Int);
            result.Direction = ParameterDirection.ReturnValue;
            await command.ExecuteNonQueryAsync(ct);

            // 0 and 1 are granted; -1 is "held elsewhere" within the zero timeout.
            return result.Value is int granted && granted >= 0;
        }, cancellationToken);
}
