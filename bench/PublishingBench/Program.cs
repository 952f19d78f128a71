using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using OtpNet;

// bench/publishing.sh runs this with the published host's folder and a PostgreSQL connection (superuser, database
// "bench"). It schedules BENCH_POSTS posts across BENCH_TENANTS tenants through the editorial API, all due within one
// minute, polls each tenant's public feed and measures when each post first shows there. Prints a Markdown section to
// stdout; logs to stderr.
var appDir = Setting("BENCH_APP_DIR");
var connectionString = Setting("BENCH_CONN");
var workDir = Setting("BENCH_WORK");
var total = Int("BENCH_POSTS", 1000);
var tenantCount = Int("BENCH_TENANTS", 10);
var hostPort = Int("BENCH_HOST_PORT", 5961);
var leadSeconds = Int("BENCH_LEAD_SECONDS", 75);
var windowSeconds = Int("BENCH_WINDOW_SECONDS", 60);
var pollMilliseconds = Int("BENCH_FEED_POLL_MS", 150);
var settings = new Dictionary<string, string>
{
    ["Platform__Jobs__SchedulePollingInterval"] = Environment.GetEnvironmentVariable("BENCH_SCHEDULE_POLL") ?? "00:00:00.250",
    ["Platform__Jobs__QueuePollInterval"] = Environment.GetEnvironmentVariable("BENCH_QUEUE_POLL") ?? "00:00:00.250",
    ["Platform__Jobs__WorkerCount"] = Environment.GetEnvironmentVariable("BENCH_WORKERS") ?? "8",
};
const string Password = "Plattform-Demo-2026";
string[] Topic = ["Jobsuche"];
var baseUri = new Uri($"http://127.0.0.1:{hostPort}/");

await using var dataSource = NpgsqlDataSource.Create(connectionString);
var host = new HostProcess(appDir, workDir, hostPort, connectionString, settings);
Log($"starting the host on {hostPort} ({string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))})");
await host.StartAsync("host");
try
{
    var tenants = await PrepareTenantsAsync();
    Log($"{tenants.Count} tenants, each with an editor signed in with password and TOTP; four-eyes rule off");
    var result = await RunAsync(tenants);
    Console.WriteLine(result);
}
finally
{
    await host.StopAsync();
}

return 0;

async Task<string> RunAsync(List<BenchTenant> tenants)
{
    var perTenant = total / tenants.Count;
    var posts = new ConcurrentDictionary<Guid, BenchPost>();

    // 1. Drafts (not measured), through the API as an editor would write them.
    var createWatch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = tenants.Count }, async (tenant, ct) =>
    {
        for (var i = 0; i < perTenant; i++)
        {
            using var response = await tenant.Staff.PostAsJsonAsync(
                "api/v1/editorial/posts",
                new { title = $"Bench {tenant.Slug} {i}", summary = "Geplanter Beitrag des Benchmarks.", topics = Topic, bodyMarkdown = "Text des Beitrags." },
                ct);
            await Ensure(response, "create");
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            posts[id] = new BenchPost(id, tenant.Slug, i);
        }
    });
    Log($"{posts.Count} drafts created in {createWatch.Elapsed.TotalSeconds:F1} s");

    // 2. Schedule every post through POST .../schedule (one Hangfire delayed job each), spread over one minute
    //    starting leadSeconds from now, interleaved across the tenants, on whole milliseconds.
    var jobsBefore = await ScalarAsync("""SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%PublishPostJob%'""");
    var scheduleStart = DateTime.UtcNow;
    var windowStart = scheduleStart.AddSeconds(leadSeconds);
    windowStart = windowStart.AddTicks(-(windowStart.Ticks % TimeSpan.TicksPerSecond));
    var ordered = posts.Values.OrderBy(p => p.Index).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();
    var step = TimeSpan.FromSeconds(windowSeconds) / ordered.Count;
    for (var k = 0; k < ordered.Count; k++)
    {
        var at = windowStart + (step * k);
        ordered[k].PublishAt = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
    }

    await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = tenants.Count }, async (tenant, ct) =>
    {
        foreach (var post in ordered.Where(p => p.Slug == tenant.Slug))
        {
            using var response = await tenant.Staff.PostAsJsonAsync(
                $"api/v1/editorial/posts/{post.Id}/schedule", new { publishAt = new DateTimeOffset(post.PublishAt, TimeSpan.Zero) }, ct);
            await Ensure(response, "schedule");
        }
    });
    var scheduledAt = DateTime.UtcNow;
    var gap = (windowStart - scheduledAt).TotalSeconds;
    Log($"{ordered.Count} posts scheduled in {(scheduledAt - scheduleStart).TotalSeconds:F1} s; the first is due {gap:F1} s later, at {windowStart:HH:mm:ss} UTC, the last at {ordered[^1].PublishAt:HH:mm:ss.fff}");
    var jobs = await ScalarAsync("""SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%PublishPostJob%'""") - jobsBefore;
    Log($"{jobs} new PublishPostJob jobs in Hangfire ({jobsBefore} of the demo data before)");

    // 3. Poll each tenant's public feed (anonymous, through the 1 s output cache) until every post was seen.
    var loadBefore = Load();
    var cutOff = ordered[^1].PublishAt.AddSeconds(30);
    var polls = 0L;
    await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = tenants.Count }, async (tenant, ct) =>
    {
        var mine = ordered.Where(p => p.Slug == tenant.Slug).ToDictionary(p => p.Id);
        var firstDue = mine.Values.Min(p => p.PublishAt);
        while (DateTime.UtcNow < firstDue.AddSeconds(-3))
        {
            await Task.Delay(200, ct);
        }

        var unseen = mine.Count;
        while (unseen > 0 && DateTime.UtcNow < cutOff)
        {
            var next = Task.Delay(pollMilliseconds, ct);
            for (var page = 1; page <= 5; page++)
            {
                using var response = await tenant.Public.GetAsync($"api/v1/posts?pageSize=50&page={page}", ct);
                var seenAt = DateTime.UtcNow;
                Interlocked.Increment(ref polls);
                if (!response.IsSuccessStatusCode)
                {
                    Log($"{tenant.Slug}: feed answered {(int)response.StatusCode}");
                    break;
                }

                var feed = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                var items = feed.GetProperty("items").EnumerateArray().ToList();
                var fresh = 0;
                foreach (var item in items)
                {
                    if (mine.TryGetValue(item.GetProperty("id").GetGuid(), out var post) && post.SeenAt is null)
                    {
                        post.SeenAt = seenAt;
                        unseen--;
                        fresh++;
                    }
                }

                // A further page only when everything on this one was new (a burst larger than a page since the last poll).
                if (fresh < items.Count || items.Count < 50)
                {
                    break;
                }
            }

            await next;
        }
    });
    var loadAfter = Load();
    Log($"feed polling done ({polls:N0} requests)");

    // 4. The database's side: the post row is the truth.
    var transitions = new Dictionary<Guid, (int Count, DateTime? First, int Status, DateTime? PublishedAt)>();
    await using (var command = dataSource.CreateCommand("""
        SELECT p."Id", p."Status", p."PublishedAt",
               (SELECT count(*) FROM "PostTransitions" t WHERE t."PostId" = p."Id" AND t."To" = 2),
               (SELECT min(t."At") FROM "PostTransitions" t WHERE t."PostId" = p."Id" AND t."To" = 2)
        FROM "Posts" p WHERE p."Id" = ANY(@ids)
        """))
    {
        command.Parameters.AddWithValue("ids", ordered.Select(p => p.Id).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            transitions[reader.GetGuid(0)] = (
                (int)reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetDateTime(2));
        }
    }

    var published = ordered.Count(p => transitions.TryGetValue(p.Id, out var t) && t.Status == 2);
    var missed = ordered.Count(p => !transitions.TryGetValue(p.Id, out var t) || t.Count == 0);
    var doubled = transitions.Values.Count(t => t.Count > 1);
    var earlyDb = ordered.Count(p => transitions.TryGetValue(p.Id, out var t) && t.First is { } first && first < p.PublishAt);
    var earlyFeed = ordered.Count(p => p.SeenAt is { } seen && seen < p.PublishAt);
    var wrongPublishedAt = ordered.Count(p => transitions.TryGetValue(p.Id, out var t) && t.PublishedAt is { } at && Math.Abs((at - p.PublishAt).TotalMilliseconds) > 1);
    var notSeen = ordered.Count(p => p.SeenAt is null);
    var feedLateness = ordered.Where(p => p.SeenAt is not null).Select(p => (p.SeenAt!.Value - p.PublishAt).TotalSeconds).Order().ToArray();
    var dbLateness = ordered
        .Where(p => transitions.TryGetValue(p.Id, out var t) && t.First is not null)
        .Select(p => (transitions[p.Id].First!.Value - p.PublishAt).TotalSeconds).Order().ToArray();
    var hangfireStates = new List<string>();
    await using (var command = dataSource.CreateCommand("""SELECT statename, count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%PublishPostJob%' GROUP BY statename ORDER BY 1"""))
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            hangfireStates.Add($"{reader.GetString(0)} {reader.GetInt64(1):N0}");
        }
    }

    Log($"published {published}, missed {missed}, doubled {doubled}, early (db/feed) {earlyDb}/{earlyFeed}, not seen in the feed {notSeen}");
    Log($"feed lateness p50 {Percentile(feedLateness, 0.5):F2} s p99 {Percentile(feedLateness, 0.99):F2} s max {feedLateness.LastOrDefault():F2} s; db p50 {Percentile(dbLateness, 0.5):F2} p99 {Percentile(dbLateness, 0.99):F2} max {dbLateness.LastOrDefault():F2}");

    var text = new StringBuilder();
    var c = CultureInfo.InvariantCulture;
    text.AppendLine("| Measured from PublishAt to … | Posts | p50 | p99 | max | min |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|");
    text.AppendLine(c, $"| visible in the public feed (`GET /api/v1/posts`, 1 s output cache included) | {feedLateness.Length:N0} | {Percentile(feedLateness, 0.5):F2} s | {Percentile(feedLateness, 0.99):F2} s | {feedLateness.LastOrDefault():F2} s | {feedLateness.FirstOrDefault():F2} s |");
    text.AppendLine(c, $"| published in the database (the job's transition to Published) | {dbLateness.Length:N0} | {Percentile(dbLateness, 0.5):F2} s | {Percentile(dbLateness, 0.99):F2} s | {dbLateness.LastOrDefault():F2} s | {dbLateness.FirstOrDefault():F2} s |");
    text.AppendLine();
    text.AppendLine(c, $"| Posts scheduled | Published | Early (database / feed) | Missed | Doubled | Never seen in the feed | PublishedAt ≠ PublishAt |");
    text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
    text.AppendLine(c, $"| {ordered.Count:N0} | {published:N0} | {earlyDb} / {earlyFeed} | {missed} | {doubled} | {notSeen} | {wrongPublishedAt} |");
    text.AppendLine();
    text.AppendLine(c, $"- {tenants.Count} tenants × {perTenant} posts, due from {windowStart:HH:mm:ss} UTC every {step.TotalMilliseconds:F0} ms for {windowSeconds} s (interleaved across tenants, on whole milliseconds); scheduling all {ordered.Count:N0} through `POST /api/v1/editorial/posts/{{id}}/schedule` took {(scheduledAt - scheduleStart).TotalSeconds:F1} s and ended {gap:F0} s before the first was due.");
    text.AppendLine(c, $"- Hangfire: scheduling created {jobs:N0} `PublishPostJob` delayed jobs; all `PublishPostJob` jobs afterwards: {string.Join(", ", hangfireStates)} (these include the jobs of the demo data's own {jobsBefore} scheduled posts). The catch-up job ran every minute as well.");
    text.AppendLine(c, $"- Feed polled anonymously every {pollMilliseconds} ms per tenant (`pageSize=50`, further pages only after a burst), {polls:N0} requests; a post's time is when the response that first listed it arrived.");
    text.AppendLine(c, $"- Host settings: {string.Join(", ", settings.Select(s => $"`{s.Key.Replace("__", ":", StringComparison.Ordinal)}={s.Value}`"))}.");
    text.AppendLine(c, $"- Machine: {Environment.ProcessorCount} cores shared with other agents' builds and tests; load average before/after the minute: {loadBefore} / {loadAfter}.");
    return text.ToString();
}

async Task<List<BenchTenant>> PrepareTenantsAsync()
{
    // Clone the demo tenant into as many as needed, column by column, as the reminders bench does.
    var columns = await ColumnsAsync("Tenants");
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

    // Four eyes off, so the editor may schedule a draft; the schedule command and its job are the same either way.
    await ExecuteAsync("""UPDATE "Tenants" SET "FourEyesRule" = false""");

    var list = new List<(Guid Id, string Slug)>();
    await using (var command = dataSource.CreateCommand("""SELECT "Id", "Slug" FROM "Tenants" ORDER BY "Slug" LIMIT @n"""))
    {
        command.Parameters.AddWithValue("n", tenantCount);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetGuid(0), reader.GetString(1)));
        }
    }

    // An editor per tenant: a copy of the demo editor (same password hash), with an authenticator app whose key the
    // bench knows, as Identity stores it (AspNetUserTokens, [AspNetUserStore] / AuthenticatorKey, Base32).
    var userColumns = await ColumnsAsync("AspNetUsers");
    var result = new List<BenchTenant>();
    foreach (var (tenantId, slug) in list)
    {
        var userId = Guid.CreateVersion7();
        var email = $"bench-redaktion@{slug}.example";
        var key = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
        var select = string.Join(", ", userColumns.Select(c => c switch
        {
            "Id" => $"'{userId}'",
            "TenantId" => $"'{tenantId}'",
            "UserName" or "Email" => $"'{email}'",
            "NormalizedUserName" or "NormalizedEmail" => $"'{email.ToUpperInvariant()}'",
            "DisplayName" => "'Bench-Redaktion'",
            "TwoFactorEnabled" => "true",
            "AccessFailedCount" => "0",
            "LockoutEnd" => "NULL",
            "SecurityStamp" or "ConcurrencyStamp" => $"'{Guid.NewGuid():N}'",
            _ => $"\"{c}\"",
        }));
        await ExecuteAsync($"""
            INSERT INTO "AspNetUsers" ({string.Join(", ", userColumns.Select(c => $"\"{c}\""))})
            SELECT {select} FROM "AspNetUsers" WHERE "NormalizedEmail" = 'REDAKTION@GROSS-GERAU.EXAMPLE';
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT '{userId}', r."RoleId" FROM "AspNetUserRoles" r JOIN "AspNetUsers" u ON u."Id" = r."UserId"
            WHERE u."NormalizedEmail" = 'REDAKTION@GROSS-GERAU.EXAMPLE';
            INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES ('{userId}', '[AspNetUserStore]', 'AuthenticatorKey', '{key}');
            """);
        result.Add(new BenchTenant(slug, email, key, Client(slug), Client(slug)));
    }

    // Wait for the tenant catalog to know the clones, then sign each editor in with password and a current code.
    foreach (var tenant in result)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var feed = await tenant.Public.GetAsync("api/v1/posts?pageSize=1");
            if (feed.IsSuccessStatusCode)
            {
                break;
            }

            if (attempt > 60)
            {
                throw new InvalidOperationException($"{tenant.Slug}: the feed answers {(int)feed.StatusCode}.");
            }

            await Task.Delay(500);
        }

        var code = new Totp(Base32Encoding.ToBytes(tenant.TotpKey)).ComputeTotp();
        using var response = await tenant.Staff.PostAsJsonAsync("api/v1/auth/login", new { email = tenant.Email, password = Password, twoFactorCode = code });
        await Ensure(response, $"login {tenant.Email}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        tenant.Staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    return result;
}

HttpClient Client(string slug)
{
    var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUri,
        Timeout = TimeSpan.FromSeconds(30),
    };
    client.DefaultRequestHeaders.Host = $"{slug}.localhost";
    return client;
}

async Task<List<string>> ColumnsAsync(string table)
{
    var columns = new List<string>();
    await using var command = dataSource.CreateCommand("""SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t ORDER BY ordinal_position""");
    command.Parameters.AddWithValue("t", table);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        columns.Add(reader.GetString(0));
    }

    return columns;
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

static async Task Ensure(HttpResponseMessage response, string what)
{
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static int Int(string name, int fallback) =>
    int.Parse(Environment.GetEnvironmentVariable(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

static string Setting(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is required.");

static void Log(string message) => Console.Error.WriteLine($"[publishing-bench {DateTime.Now:HH:mm:ss}] {message}");

internal sealed record BenchTenant(string Slug, string Email, string TotpKey, HttpClient Staff, HttpClient Public);

internal sealed class BenchPost(Guid id, string slug, int index)
{
    public Guid Id { get; } = id;

    public string Slug { get; } = slug;

    public int Index { get; } = index;

    public DateTime PublishAt { get; set; }

    public DateTime? SeenAt { get; set; }
}
