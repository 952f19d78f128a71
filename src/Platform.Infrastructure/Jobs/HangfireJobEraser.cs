using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Platform.Application.Common;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Deletes the jobs whose invocation data or arguments contain a person's id or address from Hangfire's own tables,
/// with their states, parameters, queue entries and the set and list entries that point at them. Hangfire's API can
/// only expire a job (its rows stay until the next expiration pass), and erasure must be immediate. The table layouts
/// are those of the three storages (Hangfire.Storage.SQLite, Hangfire.PostgreSql, Hangfire.SqlServer).
/// </summary>
public sealed class HangfireJobEraser(DatabaseProvider provider, string connectionString, string schema) : IJobHistoryEraser
{
    public async Task<int> EraseAsync(Guid personId, string? email, CancellationToken cancellationToken)
    {
        string[] needles = [personId.ToString("D"), .. string.IsNullOrWhiteSpace(email) ? Array.Empty<string>() : [email.Trim()]];
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var ids = new List<long>();
        foreach (var needle in needles)
        {
            await using var find = Command(connection, transaction, $"SELECT {Column("Id")} FROM {Table("Job")} WHERE {Matches("InvocationData")} OR {Matches("Arguments")}");
            Add(find, "needle", "%" + Escape(needle) + "%");
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        foreach (var id in ids.Distinct())
        {
            foreach (var table in new[] { "State", "JobParameter", "JobQueue" })
            {
                await ExecuteAsync(connection, transaction, $"DELETE FROM {Table(table)} WHERE {Column("JobId")} = @id", id, cancellationToken);
            }

            // The "succeeded", "deleted", "schedule" and queue lists and sets hold job ids as text.
            foreach (var table in new[] { "Set", "List" })
            {
                await ExecuteAsync(connection, transaction, $"DELETE FROM {Table(table)} WHERE {Column("Value")} = @text", id, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, $"DELETE FROM {Table("Job")} WHERE {Column("Id")} = @id", id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids.Distinct().Count();
    }

    private DbConnection Open() => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        DatabaseProvider.PostgreSql => new NpgsqlConnection(connectionString),
        _ => new SqlConnection(connectionString),
    };

    /// <summary>PostgreSQL's storage uses lower-case names, compares jsonb as text and needs ILIKE for any case.</summary>
    private string Matches(string column) => provider == DatabaseProvider.PostgreSql
        ? $"{Column(column)}::text ILIKE @needle ESCAPE '\\'"
        : $"{Column(column)} LIKE @needle ESCAPE '\\'";

    private string Column(string name) => provider == DatabaseProvider.PostgreSql ? name.ToLowerInvariant() : $"\"{name}\"";

    private string Table(string name) => provider switch
    {
        DatabaseProvider.Sqlite => $"\"{name}\"",
        DatabaseProvider.PostgreSql => $"{schema}.\"{name.ToLowerInvariant()}\"",
        _ => $"[{schema}].[{name}]",
    };

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, long id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        if (sql.Contains("@id", StringComparison.Ordinal))
        {
            Add(command, "id", id);
        }

        if (sql.Contains("@text", StringComparison.Ordinal))
        {
            Add(command, "text", id.ToString(CultureInfo.InvariantCulture));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
