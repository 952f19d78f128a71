using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Tells the database whose rows a connection may touch, each time EF Core opens one (ADR-006): PostgreSQL's
/// <c>app.tenant_id</c> setting or SQL Server's <c>SESSION_CONTEXT(N'TenantId')</c>, which the row-level security
/// policies compare with every row's tenant. The value is the tenant of the DbContext that opens the connection, or
/// <see cref="Guid.Empty"/> in the platform's own scope, exactly as in EF's tenant filter. A pooled connection therefore
/// never carries the previous scope's tenant into the next one.
/// </summary>
/// <remarks>
/// The tenant is read when the connection opens. EF opens and closes the connection around each query and each
/// SaveChanges, so a scope that changes its tenant between them (the demo seeding does) gets the new one. Code that
/// holds a connection open (a transaction, <c>OpenConnection</c>) and then switches tenants fails closed: the database
/// still answers for the tenant of the open, and EF's filter asks for the other, so nothing matches and writes are refused.
/// </remarks>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    private readonly string _commandText;
    private readonly DbType _type;
    private readonly Func<Guid?, object> _value;

    private TenantSessionInterceptor(string commandText, DbType type, Func<Guid?, object> value)
    {
        _commandText = commandText;
        _type = type;
        _value = value;
    }

    /// <summary>A session-level setting (not transaction-local): it holds for everything EF sends until it closes the connection.</summary>
    public static TenantSessionInterceptor PostgreSql { get; } = new(
        $"SELECT set_config('{PostgreSqlRowLevelSecurity.TenantSetting}', @tenant, false)",
        DbType.String,
        tenant => tenant?.ToString("D") ?? "");

    public static TenantSessionInterceptor SqlServer { get; } = new(
        $"EXEC sp_set_session_context @key = N'{SqlServerRowLevelSecurity.TenantKey}', @value = @tenant",
        DbType.Guid,
        tenant => tenant ?? (object)DBNull.Value);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        // A connection opened by anything but the platform's DbContext gets no tenant at all: it sees no tenant's rows.
        var tenant = eventData.Context is PlatformDbContext db ? db.CurrentTenantId : (Guid?)null;
        var command = connection.CreateCommand();
        command.CommandText = _commandText;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@tenant";
        parameter.DbType = _type;
        parameter.Value = _value(tenant);
        command.Parameters.Add(parameter);
        return command;
    }
}
