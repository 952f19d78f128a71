using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Platform.TestSupport;

// bench/reminders.sh runs this with the published host's folder and a PostgreSQL connection (superuser, database
// "bench"). Two runs: "steady" (the host delivers everything) and "crash" (the host is killed with SIGKILL once 40 % are
// delivered, and started again). Prints a Markdown section to stdout; logs to stderr.
var appDir = Setting("BENCH_APP_DIR");
var connectionString = Setting("BENCH_CONN");
var workDir = Setting("BENCH_WORK");
var total = int.Parse(Environment.GetEnvironmentVariable("BENCH_DELIVERIES") ?? "100000", CultureInfo.InvariantCulture);
var tenantCount = int.Parse(Environment.GetEnvironmentVariable("BENCH_TENANTS") ?? "10", CultureInfo.InvariantCulture);
var hostPort = int.Parse(Environment.GetEnvironmentVariable("BENCH_HOST_PORT") ?? "5951", CultureInfo.InvariantCulture);
var usersPerTenant = 500;
var leadSeconds = 15;

// A run that has not finished by then is cut off (the rest counts as not delivered): the whole script should stay short.
var cutOff = TimeSpan.FromMinutes(double.Parse(Environment.GetEnvironmentVariable("BENCH_CUTOFF_MINUTES") ?? "3", CultureInfo.InvariantCulture));

await using var sink = SmtpSink.Start(keepMessages: false);
await using var dataSource = NpgsqlDataSource.Create(connectionString);
var host = new HostProcess(appDir, workDir, hostPort, connectionString, new Dictionary<string, string>
{
    ["Platform__Email__Host"] = "127.0.0.1",
    ["Platform__Email__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
    ["Platform__Email__Security"] = "None",
    ["Platform__Notifications__PollInterval"] = "00:00:00.200",
    ["Platform__Notifications__Lease"] = "00:00:15",
    ["Platform__Notifications__BatchSize"] = Environment.GetEnvironmentVariable("BENCH_BATCH") ?? "250",
    ["Platform__Notifications__Parallelism"] = Environment.GetEnvironmentVariable("BENCH_PARALLELISM") ?? "20",
    ["Logging__LogLevel__Platform.Infrastructure.Jobs.DeliverNotificationsJob"] = "Debug",
});

Log($"SMTP sink on {sink.Port}; starting the host on {hostPort}");
await host.StartAsync("host-1");
List<(Guid Tenant, string Slug, Guid[] Users)> tenants;
try
{
    tenants = await SeedTenantsAndUsersAsync();
}
catch
{
    await host.StopAsync();
    throw;
}

Log($"{tenants.Count} tenants with {usersPerTenant} young people each (e-mail on, 16+)");

RunResult steady;
RunResult crash;
try
{
    steady = await RunAsync("steady", killAtFraction: null);
    await host.StopAsync();
    await host.StartAsync("host-3");
    crash = await RunAsync("crash", killAtFraction: 0.4);
}
finally
{
    await host.StopAsync();
}

var machine = $"{Environment.ProcessorCount} cores, load average before/after: {steady.LoadBefore} / {crash.LoadAfter}";
Console.WriteLine(Markdown(steady, crash, machine));
return 0;

async Task<RunResult> RunAsync(string name, double? killAtFraction)
{
    await ExecuteAsync("""DELETE FROM "Notifications"; DELETE FROM "ReminderDeliveries"; DELETE FROM "Reminders";""");
    sink.Clear();
    var dueAt = DateTime.UtcNow.AddSeconds(leadSeconds);
    dueAt = dueAt.AddTicks(-(dueAt.Ticks % TimeSpan.TicksPerSecond));
    var seedWatch = Stopwatch.StartNew();
    await SeedDeliveriesAsync(tenants, dueAt);
    Log($"[{name}] {total} deliveries seeded in {seedWatch.Elapsed.TotalSeconds:F1} s, all due at {dueAt:HH:mm:ss} UTC");
    var loadBefore = Load();
    var killed = false;
    var timeout = Stopwatch.StartNew();
    while (true)
    {
        await Task.Delay(500);
        var sent = await ScalarAsync("""SELECT count(*) FROM "ReminderDeliveries" WHERE "Status" <> 0""");
        if (killAtFraction is { } fraction && !killed && sent >= total * fraction)
        {
            Log($"[{name}] {sent} delivered: killing the host (SIGKILL)");
            host.Kill();
            killed = true;
            await host.StartAsync("host-2");
            Log($"[{name}] host started again");
        }

        if (sent >= total)
        {
            break;
        }

        if (timeout.Elapsed > cutOff)
        {
            Log($"[{name}] cut off after {cutOff.TotalMinutes} minutes with {sent} of {total} delivered");
            break;
        }
    }

    // Let anything still in flight arrive before counting.
    await Task.Delay(1500);
    return await MeasureAsync(name, dueAt, killed, loadBefore);
}

async Task<RunResult> MeasureAsync(string name, DateTime dueAt, bool killed, string loadBefore)
{
    // Fresh statistics, or the planner takes the just-filled notification table for empty and loops over it.
    await ExecuteAsync("""ANALYZE "Notifications"; ANALYZE "ReminderDeliveries";""");
    await using var command = dataSource.CreateCommand("""
        SELECT count(*) FILTER (WHERE "Status" = 1),
               count(*) FILTER (WHERE "Status" <> 1),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "SentAt" - "DueAt")) FILTER (WHERE "Status" = 1),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM "SentAt" - "DueAt")) FILTER (WHERE "Status" = 1),
               max("SentAt"),
               count(*) FILTER (WHERE "Channel" = 0 AND "Status" = 1 AND NOT EXISTS (SELECT 1 FROM "Notifications" n WHERE n."DeliveryId" = d."Id"))
        FROM "ReminderDeliveries" d
        """);
    command.CommandTimeout = 300;
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    var sent = reader.GetInt64(0);
    var notSent = reader.GetInt64(1);
    var p50 = reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2);
    var p99 = reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3);
    var last = reader.IsDBNull(4) ? dueAt : reader.GetDateTime(4);
    var inAppWithoutNotification = reader.GetInt64(5);
    await reader.CloseAsync();

    var notifications = await ScalarAsync("""SELECT count(*) FROM "Notifications" """);
    var distinctNotifications = await ScalarAsync("""SELECT count(DISTINCT "DeliveryId") FROM "Notifications" """);
    var emailIds = new List<Guid>();
    await using (var ids = dataSource.CreateCommand("""SELECT "Id" FROM "ReminderDeliveries" WHERE "Channel" = 1"""))
    await using (var idReader = await ids.ExecuteReaderAsync())
    {
        while (await idReader.ReadAsync())
        {
            emailIds.Add(idReader.GetGuid(0));
        }
    }

    var received = sink.MessageIdCounts;
    var emailMisses = emailIds.Count(id => !received.ContainsKey(id.ToString("N")));
    var emailDuplicates = received.Values.Sum(c => Math.Max(0, c - 1));
    var seconds = Math.Max(0.001, (last - dueAt).TotalSeconds);
    var result = new RunResult(
        name, killed, sent, notSent, p50, p99, seconds, sent / seconds,
        emailDuplicates + (notifications - distinctNotifications),
        notSent + inAppWithoutNotification + emailMisses,
        emailDuplicates, emailMisses, received.Count, notifications, loadBefore, Load());
    Log($"[{name}] {result}");
    return result;
}

async Task<List<(Guid Tenant, string Slug, Guid[] Users)>> SeedTenantsAndUsersAsync()
{
    // Clone the demo tenant into as many as needed, column by column, so new columns of the tenant table need no change here.
    var columns = new List<string>();
    await using (var command = dataSource.CreateCommand("""SELECT column_name FROM information_schema.columns WHERE table_name = 'Tenants' ORDER BY ordinal_position"""))
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }
    }

    var existing = await ScalarAsync("""SELECT count(*) FROM "Tenants" """);
    for (var i = (int)existing; i < tenantCount; i++)
    {
        var select = string.Join(", ", columns.Select(c => c switch
        {
            "Id" => "gen_random_uuid()",
            "Slug" => $"'bench-{i}'",
            "DisplayName" => $"'Jobcenter Bench {i}'",
            "Hostnames" => "''",
            _ => $"\"{c}\"",
        }));
        await ExecuteAsync($"""INSERT INTO "Tenants" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {select} FROM "Tenants" WHERE "Slug" = 'gross-gerau'""");
    }

    var tenants = new List<(Guid, string, Guid[])>();
    await using (var command = dataSource.CreateCommand("""SELECT "Id", "Slug" FROM "Tenants" ORDER BY "Slug" LIMIT @n"""))
    {
        command.Parameters.AddWithValue("n", tenantCount);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tenants.Add((reader.GetGuid(0), reader.GetString(1), []));
        }
    }

    var now = DateTime.UtcNow;
    await using var connection = await dataSource.OpenConnectionAsync();
    var result = new List<(Guid, string, Guid[])>();
    await using (var users = await connection.BeginBinaryImportAsync("""
        COPY "AspNetUsers" ("Id", "TenantId", "DisplayName", "ConfirmedAtLeast16", "CreatedAt", "UserName", "NormalizedUserName", "Email",
                            "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
                            "LockoutEnabled", "AccessFailedCount") FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var (tenantId, slug, _) in tenants)
        {
            var ids = new Guid[usersPerTenant];
            for (var u = 0; u < usersPerTenant; u++)
            {
                ids[u] = Guid.CreateVersion7();
                var email = $"bench{u}@{slug}.example";
                await users.StartRowAsync();
                await users.WriteAsync(ids[u], NpgsqlDbType.Uuid);
                await users.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await users.WriteAsync($"Bench {u}", NpgsqlDbType.Varchar);
                await users.WriteAsync(true, NpgsqlDbType.Boolean);
                await users.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await users.WriteAsync(email, NpgsqlDbType.Varchar);
                await users.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await users.WriteAsync(email, NpgsqlDbType.Varchar);
                await users.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await users.WriteAsync(true, NpgsqlDbType.Boolean);
                await users.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                await users.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                await users.WriteAsync(false, NpgsqlDbType.Boolean);
                await users.WriteAsync(false, NpgsqlDbType.Boolean);
                await users.WriteAsync(true, NpgsqlDbType.Boolean);
                await users.WriteAsync(0, NpgsqlDbType.Integer);
            }

            result.Add((tenantId, slug, ids));
        }

        await users.CompleteAsync();
    }

    await using (var preferences = await connection.BeginBinaryImportAsync("""
        COPY "NotificationPreferences" ("UserId", "TenantId", "EmailEnabled", "PushEnabled", "QuietStart", "QuietEnd", "FollowedTopics", "UpdatedAt") FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var (tenantId, _, ids) in result)
        {
            foreach (var id in ids)
            {
                await preferences.StartRowAsync();
                await preferences.WriteAsync(id, NpgsqlDbType.Uuid);
                await preferences.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await preferences.WriteAsync(true, NpgsqlDbType.Boolean);
                await preferences.WriteAsync(false, NpgsqlDbType.Boolean);
                await preferences.WriteAsync(new TimeOnly(22, 0), NpgsqlDbType.Time);
                await preferences.WriteAsync(new TimeOnly(7, 0), NpgsqlDbType.Time);
                await preferences.WriteAsync(0, NpgsqlDbType.Integer);
                await preferences.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
        }

        await preferences.CompleteAsync();
    }

    return result;
}

async Task SeedDeliveriesAsync(List<(Guid Tenant, string Slug, Guid[] Users)> tenants, DateTime dueAt)
{
    // Each reminder has two deliveries (in-app and e-mail): total / 2 reminders, spread evenly over tenants and people.
    var reminders = total / 2;
    var perTenant = reminders / tenants.Count;
    var now = DateTime.UtcNow;
    await using var connection = await dataSource.OpenConnectionAsync();
    var rows = new List<(Guid Id, Guid Tenant, Guid User)>(reminders);
    await using (var import = await connection.BeginBinaryImportAsync("""
        COPY "Reminders" ("Id", "TenantId", "UserId", "Kind", "Title", "DueAt", "LeadTimes", "Channels", "CreatedAt") FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var (tenantId, _, users) in tenants)
        {
            for (var r = 0; r < perTenant; r++)
            {
                var row = (Guid.CreateVersion7(), tenantId, users[r % users.Length]);
                rows.Add(row);
                await import.StartRowAsync();
                await import.WriteAsync(row.Item1, NpgsqlDbType.Uuid);
                await import.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await import.WriteAsync(row.Item3, NpgsqlDbType.Uuid);
                await import.WriteAsync(1, NpgsqlDbType.Integer);
                await import.WriteAsync("Termin im Jobcenter", NpgsqlDbType.Varchar);
                await import.WriteAsync(dueAt.AddHours(2), NpgsqlDbType.TimestampTz);
                await import.WriteAsync("120", NpgsqlDbType.Varchar);
                await import.WriteAsync(3, NpgsqlDbType.Integer);
                await import.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
        }

        await import.CompleteAsync();
    }

    await using (var import = await connection.BeginBinaryImportAsync("""
        COPY "ReminderDeliveries" ("Id", "TenantId", "Key", "ReminderId", "UserId", "Channel", "DueAt", "Title", "Text", "Link", "Status", "Attempts") FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var (id, tenantId, user) in rows)
        {
            foreach (var channel in new[] { 0, 1 })
            {
                await import.StartRowAsync();
                await import.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await import.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await import.WriteAsync($"r:{id:N}:120:{channel}", NpgsqlDbType.Varchar);
                await import.WriteAsync(id, NpgsqlDbType.Uuid);
                await import.WriteAsync(user, NpgsqlDbType.Uuid);
                await import.WriteAsync(channel, NpgsqlDbType.Integer);
                await import.WriteAsync(dueAt, NpgsqlDbType.TimestampTz);
                await import.WriteAsync("Erinnerung: Termin im Jobcenter", NpgsqlDbType.Varchar);
                await import.WriteAsync("Termin im Jobcenter – in 2 Stunden.", NpgsqlDbType.Varchar);
                await import.WriteAsync("/erinnerungen", NpgsqlDbType.Varchar);
                await import.WriteAsync(0, NpgsqlDbType.Integer);
                await import.WriteAsync(0, NpgsqlDbType.Integer);
            }
        }

        await import.CompleteAsync();
    }

    await ExecuteAsync("""ANALYZE "ReminderDeliveries"; ANALYZE "Reminders";""");
}

async Task ExecuteAsync(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}

async Task<long> ScalarAsync(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static string Markdown(RunResult steady, RunResult crash, string machine)
{
    var text = new StringBuilder();
    text.AppendLine(CultureInfo.InvariantCulture, $"| Run | Delivered | Not delivered | Due → delivered p50 | p99 | Last delivered after | Deliveries/s | Duplicates | Misses |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in new[] { steady, crash })
    {
        var label = r.Killed ? "host killed (SIGKILL) at 40 % and restarted" : "steady";
        text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {r.Sent:N0} | {r.NotSent:N0} | {r.P50:F2} s | {r.P99:F2} s | {r.Seconds:F1} s | {r.PerSecond:N0} | {r.Duplicates} | {r.Misses} |");
    }

    text.AppendLine();
    foreach (var r in new[] { steady, crash })
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Name}: {r.DistinctEmails:N0} distinct e-mails received by the SMTP sink ({r.EmailDuplicates} received twice, {r.EmailMisses} missing), {r.Notifications:N0} in-app notifications.");
    }

    text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine}.");
    return text.ToString();
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string Setting(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is required.");

static void Log(string message) => Console.Error.WriteLine($"[reminders-bench {DateTime.Now:HH:mm:ss}] {message}");

internal sealed record RunResult(
    string Name,
    bool Killed,
    long Sent,
    long NotSent,
    double P50,
    double P99,
    double Seconds,
    double PerSecond,
    long Duplicates,
    long Misses,
    long EmailDuplicates,
    long EmailMisses,
    long DistinctEmails,
    long Notifications,
    string LoadBefore,
    string LoadAfter);
