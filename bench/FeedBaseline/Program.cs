using System.Collections.Frozen;
using System.Globalization;
using Npgsql;

// The raw-Npgsql baseline for bench/feed.sh. It answers GET /api/v1/posts with the same two statements the product's
// GetFeedHandler sends through EF Core (count, then one page of 12 ordered by PublishedAt desc, Id desc) and the same
// JSON shape, and GET /bare with a constant small JSON. The tenant comes from the Host header ({slug}.localhost), looked
// up in a dictionary loaded once at start, as the product's in-memory tenant catalog does.
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
    private const int Published = 2;

    // The statements EF Core generates for GetFeedHandler on PostgreSQL (seen in its command log).
    private const string CountSql = """
        SELECT count(*)::int
        FROM "Posts" AS p
        WHERE p."TenantId" = $1 AND p."Status" = $2
        """;

    private const string PageSql = """
        SELECT p."Id", p."Title", p."Summary", p."Topics", p."PublishedAt", p."HasCoverImage", p."CoverImageAlt"
        FROM "Posts" AS p
        WHERE p."TenantId" = $1 AND p."Status" = $2
        ORDER BY p."PublishedAt" DESC, p."Id" DESC
        LIMIT $3 OFFSET $4
        """;

    private const string CoverSql = """
        SELECT i."PostId", i."Width", i."Height", i."UpdatedAt"
        FROM "PostImages" AS i
        WHERE i."PostId" = ANY($1) AND i."Width" > 0
        """;

    // Same order as the product's TopicNames.All, so the names come out in the same order.
    private static readonly (int Flag, string Name)[] Topics =
        [(1, "Geld"), (2, "Wohnen"), (4, "Ausbildung"), (8, "Jobsuche"), (16, "Digitales")];

    public static async Task<FeedPage> ReadAsync(NpgsqlDataSource dataSource, Guid tenantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        int total;
        await using (var count = new NpgsqlCommand(CountSql, connection))
        {
            count.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
            count.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Published });
            total = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var items = new List<PostSummary>(pageSize);
        var withCover = new List<Guid>();
        await using (var select = new NpgsqlCommand(PageSql, connection))
        {
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
            select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Published });
            select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
            select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * pageSize });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var hasCover = reader.GetBoolean(5);
                items.Add(new PostSummary(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    TopicNames(reader.GetInt32(3)),
                    reader.GetFieldValue<DateTime>(4),
                    hasCover && !reader.IsDBNull(6) ? reader.GetString(6) : null,
                    null));
                if (hasCover)
                {
                    withCover.Add(reader.GetGuid(0));
                }
            }
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

        return new FeedPage(items, page, pageSize, total);
    }

    private static string[] TopicNames(int topics)
    {
        var names = new List<string>(Topics.Length);
        foreach (var (flag, name) in Topics)
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

internal sealed record FeedPage(IReadOnlyList<PostSummary> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

internal sealed record PostSummary(
    Guid Id, string Title, string Summary, IReadOnlyList<string> Topics, DateTime PublishedAt, string? CoverImageAlt, CoverImageInfo? Cover);

internal sealed record CoverImageInfo(int Width, int Height, string Version);
