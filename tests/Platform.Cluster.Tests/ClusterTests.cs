using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Platform.Cluster.Tests;

/// <summary>
/// Three nodes behind HAProxy on loopback (<c>infra/cluster.sh</c>), round-robin without sticky sessions: whatever a
/// person or a job does lands on any node, and the cluster behaves as one platform — also when a node dies or the
/// database goes away for a while. Each test leaves the cluster whole for the next.
/// </summary>
public sealed partial class ClusterTests(LoopbackCluster cluster, ITestOutputHelper output) : IClassFixture<LoopbackCluster>
{
    private const string Jana = "jana@gross-gerau.example";
    private const string Password = "Plattform-Demo-2026";

    [Fact]
    public async Task Bearer_and_cookie_sign_ins_through_the_balancer_hold_on_every_node()
    {
        using var bearer = cluster.Client("gross-gerau.localhost");
        var token = await SignInAsync(bearer, Jana);
        var cookies = new CookieContainer();
        using var browser = cluster.Client("gross-gerau.localhost", cookies: cookies);
        using (var login = await browser.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email = Jana, password = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var servedBy = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            using var byToken = new HttpRequestMessage(HttpMethod.Get, "api/v1/auth/me");
            byToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var tokenResponse = await bearer.SendAsync(byToken);
            using var cookieResponse = await browser.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
            Assert.Equal(HttpStatusCode.OK, cookieResponse.StatusCode);
            servedBy.UnionWith(tokenResponse.Headers.GetValues("X-Served-By"));
            servedBy.UnionWith(cookieResponse.Headers.GetValues("X-Served-By"));
        }

        Assert.Equal(Enumerable.Range(1, LoopbackCluster.Nodes).Select(n => $"node{n}").ToHashSet(), servedBy);
    }

    [Fact]
    public async Task A_form_rendered_by_one_node_is_accepted_by_every_other()
    {
        // Each time a fresh visitor: the page (its antiforgery token and cookie) from node 1, the post to another node.
        for (var node = 2; node <= LoopbackCluster.Nodes; node++)
        {
            var cookies = new CookieContainer();
            using var first = cluster.Client("gross-gerau.localhost", node: 1, cookies: cookies);
            using var other = cluster.Client("gross-gerau.localhost", node: node, cookies: cookies);
            var page = await first.GetStringAsync(new Uri("anmelden", UriKind.Relative));
            var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups["token"].Value);
            Assert.NotEmpty(token);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "anmelden",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = Jana,
                ["Input.Password"] = Password,
            });

            using var response = await other.PostAsync(new Uri("anmelden", UriKind.Relative), form);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"node {node}: {(int)response.StatusCode}");
            using var signedIn = await first.GetAsync(new Uri("api/v1/auth/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }
    }

    [Fact]
    public async Task An_unsubscribe_link_mailed_by_one_node_works_through_every_node_and_the_reminder_came_once()
    {
        using var client = cluster.Client("offenbach.localhost");
        var token = await SignInAsync(client, "jana@offenbach.example");
        await SendOkAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new
        {
            email = true,
            push = false,
            // Quiet hours far from now in any time zone of Europe, so that the reminder is not held back.
            quietStart = DateTime.UtcNow.AddHours(6).ToString("HH:00", CultureInfo.InvariantCulture),
            quietEnd = DateTime.UtcNow.AddHours(7).ToString("HH:00", CultureInfo.InvariantCulture),
        });
        await SendOkAsync(client, HttpMethod.Post, "api/v1/reminders", token, new
        {
            kind = "BenefitRenewal",
            dueAt = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            leadTimeMinutes = new[] { 1440 },
            email = true,
            push = false,
        });

        // Time passes: the reminder falls due now; whichever node's engine takes it mails it.
        await cluster.ExecuteAsync("UPDATE \"ReminderDeliveries\" SET \"DueAt\" = now() - interval '1 second' WHERE \"Status\" = 0");
        var mail = await cluster.Mail.WaitForMessageToAsync("jana@offenbach.example", timeout: TimeSpan.FromMinutes(2));
        var link = new Uri(UnsubscribeLink().Match(mail.Text).Value);
        Assert.Equal(cluster.Balancer.Port, link.Port);
        var unsubscribe = Uri.UnescapeDataString(Regex.Match(link.Query, "token=([^&]+)").Groups[1].Value);

        var changed = new List<bool>();
        for (var node = 1; node <= LoopbackCluster.Nodes; node++)
        {
            using var anonymous = cluster.Client("offenbach.localhost", node: node);
            using var response = await anonymous.PostAsJsonAsync("api/v1/notifications/unsubscribe", new { token = unsubscribe });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"node {node}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            changed.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        }

        Assert.Equal([true, false, false], changed);
        Assert.Single(cluster.Mail.To("jana@offenbach.example"), m => m.Subject.Contains("Erinnerung", StringComparison.Ordinal));
        Assert.Equal(0L, await cluster.ScalarAsync<long>("SELECT count(*) FROM \"ReminderDeliveries\" WHERE \"Status\" = 0 AND \"DueAt\" < now()"));
    }

    [Fact]
    public async Task Every_node_offers_the_one_push_key_the_browsers_subscribe_with()
    {
        var keys = new HashSet<string>();
        for (var node = 1; node <= LoopbackCluster.Nodes; node++)
        {
            using var client = cluster.Client("gross-gerau.localhost", node: node);
            keys.Add((await client.GetFromJsonAsync<JsonElement>("api/v1/notifications/push-key")).GetProperty("publicKey").GetString()!);
        }

        Assert.Single(keys);
    }

    [Fact]
    public async Task A_branding_change_through_one_node_shows_on_every_node()
    {
        using var admin = cluster.Client("gross-gerau.localhost", node: 1);
        var token = await SignInAsync(admin, "admin@gross-gerau.example");
        var name = $"Jobcenter Groß-Gerau {Guid.NewGuid():N}"[..32];
        await SendOkAsync(admin, HttpMethod.Put, "api/v1/tenant/branding", token, new { displayName = name, primaryColor = "#00527a", accentColor = "#9a3412", logoText = "GG" });

        var elapsed = Stopwatch.StartNew();
        for (var node = 1; node <= LoopbackCluster.Nodes; node++)
        {
            using var reader = cluster.Client("gross-gerau.localhost", node: node);
            await EventuallyAsync(async () => (await PageAsync(reader, "")).Contains(name, StringComparison.Ordinal), $"node {node} shows the new name");
        }

        output.WriteLine($"The new name showed on all {LoopbackCluster.Nodes} nodes after {elapsed.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public async Task A_thousand_scheduled_posts_are_each_published_once_and_appear_through_every_node()
    {
        // A thousand posts of both jobcenters fall due at once (copies of a published demo post, as the editors'
        // scheduled posts are): the catch-up job fires on one node per minute, and each post is published once.
        await InsertOverduePostsAsync("Cluster");

        await EventuallyAsync(
            async () => await cluster.ScalarAsync<long>("SELECT count(*) FROM \"Posts\" WHERE \"Title\" LIKE 'Cluster %' AND \"Status\" = 2") == 1000,
            "all thousand published",
            TimeSpan.FromMinutes(3));

        var transitions = await cluster.ScalarAsync<long>("""
            SELECT count(*) FROM "PostTransitions" pt JOIN "Posts" p ON p."Id" = pt."PostId"
            WHERE p."Title" LIKE 'Cluster %' AND pt."To" = 2
            """);
        Assert.Equal(1000L, transitions);

        for (var node = 1; node <= LoopbackCluster.Nodes; node++)
        {
            using var reader = cluster.Client("gross-gerau.localhost", node: node);
            await EventuallyAsync(
                async () => (await reader.GetStringAsync(new Uri("api/v1/posts?pageSize=50", UriKind.Relative))).Contains("Cluster ", StringComparison.Ordinal),
                $"node {node}'s feed shows the new posts");
        }
    }

    [Fact]
    public async Task A_node_that_dies_in_the_middle_of_the_catch_up_holds_up_none_of_its_posts()
    {
        // A thousand overdue posts keep the catch-up busy long enough to kill the node that runs it half-way. Its lock
        // ends with its database session, so the next minute's run on another node goes on where it stopped.
        await InsertOverduePostsAsync("Verwaist");

        // The session that holds the catch-up's advisory lock names its node's process.
        var key = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData("publish-overdue-posts"u8));
        var holder = await EventuallyAsync(
            () => cluster.ScalarAsync<string?>($"""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = {key.ToString(CultureInfo.InvariantCulture)}
                """),
            "a node runs the catch-up",
            TimeSpan.FromMinutes(2));
        var pid = int.Parse(holder["platform job lock ".Length..], CultureInfo.InvariantCulture);
        var node = Enumerable.Range(1, LoopbackCluster.Nodes).Single(n => cluster.NodeProcessId(n) == pid);
        await cluster.KillAsync(node);
        try
        {
            const string Published = "SELECT count(*) FROM \"Posts\" WHERE \"Title\" LIKE 'Verwaist %' AND \"Status\" = 2";
            var publishedAtKill = await cluster.ScalarAsync<long>(Published);
            Assert.True(publishedAtKill < 1000, $"node {node} had published all posts before it was killed");
            await EventuallyAsync(async () => await cluster.ScalarAsync<long>(Published) == 1000, "the other nodes published the rest", TimeSpan.FromMinutes(3));
            output.WriteLine($"Node {node} died after {publishedAtKill} of 1000 posts; the other nodes published the rest.");

            var transitions = await cluster.ScalarAsync<long>("""
                SELECT count(*) FROM "PostTransitions" pt JOIN "Posts" p ON p."Id" = pt."PostId"
                WHERE p."Title" LIKE 'Verwaist %' AND pt."To" = 2
                """);
            Assert.Equal(1000L, transitions);
        }
        finally
        {
            await cluster.StartNodeAsync(node);
        }
    }

    [Fact]
    public async Task A_batch_of_reminders_is_delivered_once_each_even_when_a_node_dies_holding_its_claim()
    {
        using var client = cluster.Client("gross-gerau.localhost");
        var token = await SignInAsync(client, Jana);
        await SendOkAsync(client, HttpMethod.Put, "api/v1/notifications/settings", token, new
        {
            email = true,
            push = false,
            quietStart = DateTime.UtcNow.AddHours(6).ToString("HH:00", CultureInfo.InvariantCulture),
            quietEnd = DateTime.UtcNow.AddHours(7).ToString("HH:00", CultureInfo.InvariantCulture),
        });
        const int Batch = 300;
        await cluster.ExecuteAsync($"""
            INSERT INTO "ReminderDeliveries" ("Id", "TenantId", "Key", "UserId", "Channel", "DueAt", "Title", "Text", "Link", "Status", "Attempts")
            SELECT gen_random_uuid(), t."Id", 'cluster-batch-' || n, u."Id", 1, now() - interval '1 second',
                'Cluster-Erinnerung ' || lpad(n::text, 3, '0'), 'Termin im Jobcenter', '/erinnerungen', 0, 0
            FROM generate_series(1, {Batch}) AS n, "Tenants" t
            JOIN "AspNetUsers" u ON u."TenantId" = t."Id" AND u."NormalizedEmail" = 'JANA@GROSS-GERAU.EXAMPLE'
            WHERE t."Slug" = 'gross-gerau'
            """);

        // Node 3 dies while the batch goes out: what it had claimed and not sent is taken over once its lease (ten
        // seconds here, LoopbackCluster) runs out.
        const string Sent = "SELECT count(*) FROM \"ReminderDeliveries\" WHERE \"Key\" LIKE 'cluster-batch-%' AND \"Status\" = 1";
        await EventuallyAsync(async () => await cluster.ScalarAsync<long>(Sent) > 0, "the batch is going out");
        await cluster.KillAsync(3);
        var claimedAtKill = await cluster.ScalarAsync<long>(
            "SELECT count(*) FROM \"ReminderDeliveries\" WHERE \"Key\" LIKE 'cluster-batch-%' AND \"Status\" = 0 AND \"ClaimedUntil\" > now()");
        try
        {
            await EventuallyAsync(async () => await cluster.ScalarAsync<long>(Sent) == Batch, "the whole batch is sent", TimeSpan.FromMinutes(3));
        }
        finally
        {
            await cluster.StartNodeAsync(3);
        }

        // None lost. A mail that node 3 handed to the SMTP server in the instant before it died, without marking it
        // sent, goes out again after the lease: SMTP cannot be exactly-once across a crash, so the platform is
        // at-least-once with a fixed Message-ID per delivery, which mail clients show as one message.
        var mails = cluster.Mail.To(Jana).Where(m => m.Subject.StartsWith("Cluster-Erinnerung ", StringComparison.Ordinal)).ToList();
        var messages = mails.GroupBy(m => m.Message.MessageId).ToList();
        output.WriteLine($"{claimedAtKill} deliveries were claimed and unsent when node 3 died; {mails.Count} mails for {Batch} reminders.");
        Assert.Equal(Batch, messages.Count);
        Assert.Equal(Batch, mails.Select(m => m.Subject).Distinct().Count());
        Assert.All(messages, m => Assert.Single(m.Select(mail => mail.Subject).Distinct()));
        Assert.InRange(mails.Count - Batch, 0, 2);
    }

    [Fact]
    public async Task A_node_killed_under_load_costs_no_request_once_the_balancer_has_taken_it_out()
    {
        using var stop = new CancellationTokenSource();
        var failuresBefore = 0;
        var failuresAfter = 0;
        var requests = 0;
        var down = false;
        async Task WorkerAsync(int worker)
        {
            using var client = cluster.Client(worker % 2 == 0 ? "gross-gerau.localhost" : "offenbach.localhost");
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                bool ok;
                try
                {
                    using var response = (i % 4) switch
                    {
                        0 => await client.PostAsJsonAsync("api/v1/contact", new { type = "callback", phone = "06151 000000", message = "Lasttest im Cluster", consent = true }),
                        1 => await client.GetAsync(new Uri("api/v1/posts", UriKind.Relative)),
                        2 => await client.GetAsync(new Uri("api/v1/posts?page=2", UriKind.Relative)),
                        _ => await client.GetAsync(new Uri("health/ready", UriKind.Relative)),
                    };
                    ok = (int)response.StatusCode < 500;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                Interlocked.Increment(ref requests);
                if (!ok)
                {
                    _ = Volatile.Read(ref down) ? Interlocked.Increment(ref failuresAfter) : Interlocked.Increment(ref failuresBefore);
                }
            }
        }

        var load = Enumerable.Range(0, 6).Select(WorkerAsync).ToList();
        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref requests) > 200), "the load is running");
        var killedAt = Stopwatch.StartNew();
        await cluster.KillAsync(2);
        await EventuallyAsync(async () => !(await cluster.NodesUpAsync()).Contains("node2"), "HAProxy took node 2 out");
        var detection = killedAt.Elapsed;
        Volatile.Write(ref down, true);
        var requestsAtDown = Volatile.Read(ref requests);

        // The load goes on on the two other nodes: as many requests again as before the kill.
        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref requests) > requestsAtDown * 2), "the load went on");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        output.WriteLine($"{requests} requests; node 2 out of rotation {detection.TotalMilliseconds:0} ms after kill -9; "
            + $"{failuresBefore} failed before that, {failuresAfter} after.");
        Assert.Equal(0, failuresAfter);

        await cluster.StartNodeAsync(2);
        await EventuallyAsync(async () => (await cluster.NodesUpAsync()).Contains("node2"), "node 2 is back in rotation");
    }

    [Fact]
    public async Task While_the_database_is_away_every_node_is_unready_and_says_503_and_all_recover_alone()
    {
        // A post falls due while the database is away: after it returns, the catch-up publishes it.
        await cluster.ExecuteAsync("""
            INSERT INTO "Posts" ("Id", "TenantId", "Title", "Summary", "BodyMarkdown", "Topics", "Language", "AuthorId", "Status",
                "PublishAt", "CreatedAt", "UpdatedAt", "IsDemo", "ContentVersion", "Version", "HasCoverImage")
            SELECT gen_random_uuid(), t."Id", 'Während des Ausfalls fällig', 'Geplant', 'Text', 0, 'de',
                (SELECT "AuthorId" FROM "Posts" a WHERE a."TenantId" = t."Id" LIMIT 1), 1,
                now() + interval '5 seconds', now(), now(), false, 1, 1, false
            FROM "Tenants" t WHERE t."Slug" = 'gross-gerau'
            """);
        await cluster.StopDatabaseAsync();
        var outage = Stopwatch.StartNew();
        try
        {
            for (var node = 1; node <= LoopbackCluster.Nodes; node++)
            {
                using var bare = cluster.Client("localhost", node: node);
                await EventuallyAsync(
                    async () => (await bare.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable,
                    $"node {node} is not ready");

                using var tenant = cluster.Client("gross-gerau.localhost", node: node);
                using var write = await tenant.PostAsJsonAsync("api/v1/contact", new { type = "callback", phone = "06151 000000", message = "Während des Ausfalls", consent = true });
                Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
                Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            }
        }
        finally
        {
            // At least 20 s away, as in the issue.
            await EventuallyAsync(() => Task.FromResult(outage.Elapsed > TimeSpan.FromSeconds(20)), "20 s of outage", TimeSpan.FromMinutes(1));
            await cluster.StartDatabaseAsync();
        }

        var back = Stopwatch.StartNew();
        for (var node = 1; node <= LoopbackCluster.Nodes; node++)
        {
            using var bare = cluster.Client("localhost", node: node);
            await EventuallyAsync(
                async () => (await bare.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
                $"node {node} is ready again");
        }

        output.WriteLine($"All nodes ready {back.ElapsedMilliseconds} ms after PostgreSQL returned.");
        await EventuallyAsync(
            async () => await cluster.ScalarAsync<int>("SELECT \"Status\" FROM \"Posts\" WHERE \"Title\" = 'Während des Ausfalls fällig'") == 2,
            "the post that fell due during the outage is published",
            TimeSpan.FromMinutes(3));
        using var balancer = cluster.Client("gross-gerau.localhost");
        Assert.Equal(HttpStatusCode.OK, (await balancer.GetAsync(new Uri("api/v1/posts", UriKind.Relative))).StatusCode);
    }

    /// <summary>A thousand posts of both jobcenters that fell due a second ago, titled "{prefix} 0001" and so on.</summary>
    private Task<int> InsertOverduePostsAsync(string prefix) => cluster.ExecuteAsync($"""
        INSERT INTO "Posts" ("Id", "TenantId", "Title", "Summary", "BodyMarkdown", "Topics", "Language", "AuthorId", "Status",
            "PublishAt", "CreatedAt", "UpdatedAt", "IsDemo", "ContentVersion", "Version", "HasCoverImage")
        SELECT gen_random_uuid(), t."Id", '{prefix} ' || lpad(n::text, 4, '0'), 'Geplant im Cluster', 'Text', 0, 'de',
            (SELECT "AuthorId" FROM "Posts" a WHERE a."TenantId" = t."Id" LIMIT 1), 1, now() - interval '1 second', now(), now(), false, 1, 1, false
        FROM generate_series(1, 1000) AS n
        JOIN LATERAL (SELECT "Id" FROM "Tenants" ORDER BY "Slug" OFFSET (n % 2) LIMIT 1) t ON true
        """);

    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task SendOkAsync(HttpClient client, HttpMethod method, string url, string token, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"https?://\S+/abmelden-benachrichtigung\?token=\S+")]
    private static partial Regex UnsubscribeLink();
}
