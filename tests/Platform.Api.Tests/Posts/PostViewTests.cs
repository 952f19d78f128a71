using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Domain.Posts;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>View counts per post are daily aggregates without personal data, counted exactly and seen by staff only.</summary>
public abstract class PostViewTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Readings_add_up_per_day_and_staff_see_them()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Wohngeld");
        using var client = App.CreateTenantClient("gross-gerau");
        for (var i = 0; i < 3; i++)
        {
            await GetJsonAsync(client, $"api/v1/posts/{post}");
        }

        using (var page = await client.GetAsync(new Uri($"posts/{post}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var views = await GetJsonAsync(client, editor, $"api/v1/editorial/posts/{post}/views");
        Assert.Equal(4, views.GetProperty("total").GetInt32());
        Assert.Equal(30, views.GetProperty("lastDays").GetInt32());
        var today = Assert.Single(views.GetProperty("days").EnumerateArray());
        Assert.Equal(PostViewDay.DayOf(DateTime.UtcNow), DateOnly.Parse(today.GetProperty("day").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(4, today.GetProperty("count").GetInt32());

        // An older day counts in the total, a day before the window not in the list.
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = (PlatformDbContext)sp.GetRequiredService<IAppDbContext>();
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "PostViewDays" ("PostId", "Day", "TenantId", "Count") VALUES ({post}, {PostViewDay.DayOf(DateTime.UtcNow).AddDays(-40)}, {sp.GetRequiredService<ICurrentTenant>().RequiredId}, {7})""");
        });
        views = await GetJsonAsync(client, editor, $"api/v1/editorial/posts/{post}/views");
        Assert.Equal(11, views.GetProperty("total").GetInt32());
        Assert.Single(views.GetProperty("days").EnumerateArray());
    }

    [Fact]
    public async Task Fifty_concurrent_readings_count_fifty()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Ausbildung");
        using var client = App.CreateTenantClient("gross-gerau");

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync(new Uri($"api/v1/posts/{post}", UriKind.Relative))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var a in answers)
        {
            a.Dispose();
        }

        // Counted in the node's memory; one flush writes them (ADR-031).
        await App.Services.GetRequiredService<PostViewFlusher>().FlushAsync(CancellationToken.None);
        var counts = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PostViewDays
            .Where(v => v.PostId == post).Select(v => v.Count).ToListAsync());
        Assert.Equal(50, Assert.Single(counts));
    }

    [Fact]
    public async Task Robots_drafts_and_missing_posts_are_not_counted()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Digitales");
        var draft = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Entwurf", publish: false);
        using var client = App.CreateTenantClient("gross-gerau");
        using (var robot = new HttpRequestMessage(HttpMethod.Get, $"api/v1/posts/{post}"))
        {
            robot.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
            using var response = await client.SendAsync(robot);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var missing = await client.GetAsync(new Uri($"api/v1/posts/{draft}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await App.Services.GetRequiredService<PostViewFlusher>().FlushAsync(CancellationToken.None);
        Assert.Equal(0, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PostViewDays.CountAsync()));
    }

    [Fact]
    public void The_view_table_holds_post_day_and_count_and_nothing_about_the_reader()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var table = db.Model.FindEntityType(typeof(PostViewDay))!;

        Assert.Equal("PostViewDays", table.GetTableName());
        Assert.Equal(["Count", "Day", "PostId", "TenantId"], table.GetProperties().Select(p => p.GetColumnName()).Order());
    }

    [Fact]
    public async Task Other_jobcenters_staff_and_young_people_cannot_see_the_counts()
    {
        var post = await BookmarkTests<TApp>.CreatePostAsync(App, "gross-gerau", "Geld");
        using var home = App.CreateTenantClient("gross-gerau");
        using var other = App.CreateTenantClient("offenbach");
        var offenbachEditor = await SignInAsync(other, "redaktion@offenbach.example");
        var jana = await SignInAsync(home, "jana@gross-gerau.example");

        using (var foreignPost = await SendAsync(other, HttpMethod.Get, $"api/v1/editorial/posts/{post}/views", offenbachEditor))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        }

        using (var foreignToken = await SendAsync(home, HttpMethod.Get, $"api/v1/editorial/posts/{post}/views", offenbachEditor))
        {
            Assert.True(foreignToken.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)foreignToken.StatusCode}");
        }

        using var young = await SendAsync(home, HttpMethod.Get, $"api/v1/editorial/posts/{post}/views", jana);
        Assert.Equal(HttpStatusCode.Forbidden, young.StatusCode);
    }
}

public sealed class SqlitePostViewTests(SqliteApp app) : PostViewTests<SqliteApp>(app);

public sealed class PostgresPostViewTests(PostgresApp app) : PostViewTests<PostgresApp>(app);
