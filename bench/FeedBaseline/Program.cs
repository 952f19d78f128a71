using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Frozen;
using System.Globalization;
using Npgsql;

// The raw-Npgsql baseline for bench/feed.sh. It answers GET /api/v1/posts with the statements the product sends for the
// first page of the feed (the tenant's set_config, the tenant's topics, the count, a page of 12 + 1 ordered by
// PublishedAt desc, Id desc, the covers' sizes when the page has covers) and the same JSON (nextCursor included), and
// GET /bare with a constant small JSON. It connects as the product does in production: as a login of the
// row-level-security role platform_app, so the policies hold (ADR-006). The tenant comes from the Host header
// ({slug}.localhost), looked up in a dictionary loaded once at start, as the product's in-memory tenant catalog does.
// Like the product it sends everything on one connection with one set_config, and it keeps each tenant's count in
// memory for a minute (the product's FeedCounts, issue 13) instead of counting on every request: the least that returns
// the same answer under row-level security.
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Platform")
    ?? throw new InvalidOperationException("ConnectionStrings:Platform is required.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var tenants = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
await using (var command = dataSource.CreateCommand("""SELECT "Slug", "Id" FROM "Tenants" """))
await using (var reader = await command.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        tenants[reader.GetString(0) + ".localhost"] = reader.GetGuid(1);
    }
}

var tenantsByHost = tenants.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
var app = builder.Build();

app.MapGet("/bare", static () => TypedResults.Ok(new BareResponse("Healthy")));

app.MapGet("/api/v1/posts", async Task<IResult> (HttpContext context, CancellationToken cancellationToken) =>
{
    if (!tenantsByHost.TryGetValue(context.Request.Host.Host, out var tenantId))
    {
        return TypedResults.NotFound();
    }

    return TypedResults.Ok(await Feed.ReadAsync(dataSource, tenantId, page: 1, Feed.PageSize, cancellationToken));
});

await app.RunAsync();

internal static class Feed
{
    public const int PageSize = 12;

    // The product's FeedCounts: a tenant's count is kept for at most a minute (there also dropped on a change).
    private static readonly TimeSpan CountLifetime = TimeSpan.FromMinutes(1);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (int Count, DateTime Until)> Counts = new();

    // What TenantSessionInterceptor sends on every connection open (ADR-006).
    private const string TenantSql = "SELECT set_config('app.tenant_id', $1, false)";

    // TopicCatalog.ForCurrentTenantAsync: the tenant's own topics, in the order the catalog lists them.
    private const string TopicsSql = """
        SELECT t."Slug", t."Bit", t."Name"
        FROM "TenantTopics" AS t
        WHERE t."TenantId" = $1
        ORDER BY t."CreatedAt", t."Bit"
        """;

    // The statements EF Core generates for GetFeedHandler on PostgreSQL (seen by auto_explain in bench/scale.sh), the
    // status a constant as EF inlines it.
    private const string CountSql = """
        SELECT count(*)::int
        FROM "Posts" AS p
        WHERE p."TenantId" = $1 AND p."Status" = 2
        """;

    private const string PageSql = """
        SELECT p."Id", p."Title", p."Summary", p."Topics", p."PublishedAt", p."HasCoverImage", p."CoverImageAlt", p."ContentVersion", p."Language"
        FROM "Posts" AS p
        WHERE p."TenantId" = $1 AND p."Status" = 2
        ORDER BY p."PublishedAt" DESC, p."Id" DESC
        LIMIT $2 OFFSET $3
        """;

    private const string CoverSql = """
        SELECT i."PostId", i."Width", i."Height", i."UpdatedAt"
        FROM "PostImages" AS i
        WHERE i."PostId" = ANY($1) AND i."Width" > 0
        """;

    // Same order as the product's TopicNames.All, then the tenant's topics (TopicSet), so the names come out in the same order.
    private static readonly (int Flag, string Name)[] FixedTopics =
        [(1, "Geld"), (2, "Wohnen"), (4, "Ausbildung"), (8, "Jobsuche"), (16, "Digitales")];

    public static async Task<FeedPage> ReadAsync(NpgsqlDataSource dataSource, Guid tenantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var tenant = new NpgsqlCommand(TenantSql, connection))
        {
            tenant.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId.ToString("D") });
            await tenant.ExecuteNonQueryAsync(cancellationToken);
        }

        var topics = new List<(int Flag, string Name)>(FixedTopics);
        await using (var select = new NpgsqlCommand(TopicsSql, connection))
        {
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                topics.Add((1 << reader.GetInt32(1), reader.GetString(0)));
            }
        }

        int total;
        if (Counts.TryGetValue(tenantId, out var cached) && cached.Until > DateTime.UtcNow)
        {
            total = cached.Count;
        }
        else
        {
            await using var count = new NpgsqlCommand(CountSql, connection);
            count.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
            total = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
            Counts[tenantId] = (total, DateTime.UtcNow + CountLifetime);
        }

        var items = new List<PostSummary>(pageSize);
        var withCover = new List<Guid>();
        await using (var select = new NpgsqlCommand(PageSql, connection))
        {
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
            // One row more than the page shows: whether there is a next page (the product's nextCursor).
            select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize + 1 });
            select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * pageSize });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var hasCover = reader.GetBoolean(5);
                items.Add(new PostSummary(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    TopicNames(topics, reader.GetInt32(3)),
                    reader.GetFieldValue<DateTime>(4),
                    hasCover && !reader.IsDBNull(6) ? reader.GetString(6) : null,
                    null,
                    reader.GetInt32(7),
                    reader.GetString(8)));
                if (hasCover)
                {
                    withCover.Add(reader.GetGuid(0));
                }
            }
        }

        string? nextCursor = null;
        if (items.Count > pageSize)
        {
            withCover.Remove(items[pageSize].Id);
            items.RemoveAt(pageSize);
            nextCursor = Cursor(items[^1].PublishedAt, items[^1].Id);
        }

        // As the product: the sizes of the covers in a third statement, only when the page has posts with one.
        if (withCover.Count > 0)
        {
            var covers = new Dictionary<Guid, CoverImageInfo>();
            await using (var select = new NpgsqlCommand(CoverSql, connection))
            {
                select.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. withCover] });
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    covers[reader.GetGuid(0)] = new CoverImageInfo(
                        reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<DateTime>(3).Ticks.ToString("x", CultureInfo.InvariantCulture));
                }
            }

            items = [.. items.Select(i => covers.TryGetValue(i.Id, out var cover) ? i with { Cover = cover } : i)];
        }

        return new FeedPage(items, page, pageSize, total, nextCursor);
    }

    // The product's FeedCursor: URL-safe Base64 of the publication time's ticks and the id, both big-endian.
    private static string Cursor(DateTime publishedAt, Guid id)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long) + 16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, publishedAt.Ticks);
        id.TryWriteBytes(bytes[sizeof(long)..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    private static string[] TopicNames(List<(int Flag, string Name)> all, int topics)
    {
        var names = new List<string>(all.Count);
        foreach (var (flag, name) in all)
        {
            if ((topics & flag) == flag)
            {
                names.Add(name);
            }
        }

        return [.. names];
    }
}

internal sealed record BareResponse(string Status);

internal sealed record FeedPage(IReadOnlyList<PostSummary> Items, int Page, int PageSize, int TotalCount, string? NextCursor)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

internal sealed record PostSummary(
    Guid Id, string Title, string Summary, IReadOnlyList<string> Topics, DateTime PublishedAt, string? CoverImageAlt, CoverImageInfo? Cover, int ContentVersion, string Language);

internal sealed record CoverImageInfo(int Width, int Height, string Version);
