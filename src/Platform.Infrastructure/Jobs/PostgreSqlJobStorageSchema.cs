using Hangfire.PostgreSql;
using Npgsql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Hangfire's tables on PostgreSQL are created and upgraded with the migrations, by the role that owns the schema, and
/// granted to the platform's role, which may not create anything itself (ADR-006). Hangfire's own start-up preparation
/// is therefore switched off.
/// </summary>
internal static class PostgreSqlJobStorageSchema
{
    public const string Name = "hangfire";

    /// <summary>Under a lock: nodes that start together would otherwise grant at once ("tuple concurrently updated").</summary>
    private const string Grants = $"""
        SELECT pg_advisory_xact_lock(hashtext('platform:{Name}:grants'));
        GRANT USAGE ON SCHEMA {Name} TO {PostgreSqlRowLevelSecurity.AppRole};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Name} TO {PostgreSqlRowLevelSecurity.AppRole};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {Name} TO {PostgreSqlRowLevelSecurity.AppRole};
        """;

    public static async Task PrepareAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var grant = new NpgsqlCommand(Grants, connection, transaction))
        {
            await grant.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
