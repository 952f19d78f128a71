using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// The hand-written PostgreSQL search migrations of issue 13 (ADR-010) rewrite the index table, its vectors and the
/// search functions. Migrated down to the composite index (the migration before <c>PostSearchTenantLexemes</c>; the
/// app's code needs the later migrations of other features) and up again, on a database with posts, the search must
/// answer as before each time: a deployment that rolls back must not lose its search.
/// </summary>
public sealed class PostgresSearchMigrationTests(PostgresApp app) : ApiTestBase<PostgresApp>(app)
{
    private const string TenantLexemes = "_PostSearchTenantLexemes";

    [Fact]
    public async Task Migrated_down_and_up_again_the_search_finds_and_ranks_the_same_posts()
    {
        var title = await AddPostAsync("offenbach", "Der Zitronenfalter", "Ein Schmetterling.", "Er fliegt früh im Jahr.");
        var body = await AddPostAsync("offenbach", "Frühling im Park", "Was jetzt blüht.", "Auch der Zitronenfalter ist da.");
        await AddPostAsync("offenbach", "Wohngeld", "Wer es bekommt.", "Der Antrag beim Amt.");
        var elsewhere = await AddPostAsync("gross-gerau", "Zitronenfalter zählen", "Eine Aktion.", "Im Garten.");

        var before = await HitsAsync();
        await MigrateAsync(await BeforeAsync(TenantLexemes));
        var down = await HitsAsync();
        await MigrateAsync(target: null);
        var up = await HitsAsync();

        Assert.Equal($"{title},{body} (2) | {elsewhere}", Describe(before));
        Assert.Equal(Describe(before), Describe(down));
        Assert.Equal(Describe(before), Describe(up));
    }

    private static string Describe((List<Guid> Offenbach, int Total, List<Guid> GrossGerau) hits) =>
        $"{string.Join(",", hits.Offenbach)} ({hits.Total}) | {string.Join(",", hits.GrossGerau)}";

    private async Task<(List<Guid> Offenbach, int Total, List<Guid> GrossGerau)> HitsAsync()
    {
        var offenbach = await SearchAsync("offenbach");
        var grossGerau = await SearchAsync("gross-gerau");
        return ([.. Ids(offenbach)], offenbach.GetProperty("totalCount").GetInt32(), [.. Ids(grossGerau)]);
    }

    private async Task<JsonElement> SearchAsync(string slug)
    {
        using var client = App.CreateTenantClient(slug);
        return await GetJsonAsync(client, "api/v1/posts/search?q=Zitronenfalter");
    }

    /// <summary>The migration before the one whose id ends with <paramref name="suffix"/>.</summary>
    private async Task<string> BeforeAsync(string suffix)
    {
        await using var db = OwnerContext();
        var all = db.Database.GetMigrations().ToList();
        var index = all.FindIndex(m => m.EndsWith(suffix, StringComparison.Ordinal));
        Assert.True(index > 0, string.Join(", ", all));
        return all[index - 1];
    }

    private PostgreSqlDbContext OwnerContext() => new(new DbContextOptionsBuilder<PostgreSqlDbContext>()
        .UseNpgsql(App.MigrationsConnectionString)
        .UseApplicationServiceProvider(IdentitySchema.StandaloneServices)
        .Options);

    /// <summary>Migrates as the schema's owner, as a deployment does, to <paramref name="target"/> (null: the latest).</summary>
    private async Task MigrateAsync(string? target)
    {
        await using var db = OwnerContext();
        await db.GetService<IMigrator>().MigrateAsync(target);
    }
}
