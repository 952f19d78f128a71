using System.Net;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Library;

/// <summary>
/// Library campaigns over HTTP: NetworkEditors propose a date for a published item, jobcenters opt in, and the adopted
/// post is scheduled for that date when it is approved under the jobcenter's own four-eyes rule; opt-out, a moved date,
/// isolation between jobcenters, and the publication by Hangfire at the campaign time (on a fake clock the test moves).
/// </summary>
public abstract class LibraryCampaignTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string LibraryUrl = "api/v1/library";
    private const string CampaignsUrl = "api/v1/library/campaigns";

    private HttpClient _grossGerau = null!;
    private HttpClient _offenbach = null!;
    private string _network = "";
    private string _networkOffenbach = "";
    private string _editorGg = "";
    private string _reviewerGg = "";
    private string _adminGg = "";
    private string _editorOf = "";

    private FakeTimeProvider Clock => App.Clock ?? throw new InvalidOperationException("This class needs an app on a fake clock.");

    /// <summary>The platform's time: a fake clock, so that a campaign's time comes when the test says.</summary>
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _grossGerau = App.CreateTenantClient("gross-gerau");
        _offenbach = App.CreateTenantClient("offenbach");
        _network = await SignInWithSecondFactorAsync(App, _grossGerau, "gross-gerau", "netzwerk@gross-gerau.example");
        _networkOffenbach = await SignInWithSecondFactorAsync(App, _offenbach, "offenbach", "netzwerk@offenbach.example");
        _editorGg = await SignInAsync(_grossGerau, "redaktion@gross-gerau.example");
        _reviewerGg = await SignInWithSecondFactorAsync(App, _grossGerau, "gross-gerau", "pruefung@gross-gerau.example");
        _adminGg = await SignInWithSecondFactorAsync(App, _grossGerau, "gross-gerau", "admin@gross-gerau.example");
        _editorOf = await SignInAsync(_offenbach, "redaktion@offenbach.example");
    }

    public override Task DisposeAsync()
    {
        _grossGerau.Dispose();
        _offenbach.Dispose();
        return base.DisposeAsync();
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var response = await SendAsync(client, method, url, token, body ?? (method == HttpMethod.Get ? null : new { }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<Guid> PublishedItemAsync(string title)
    {
        var created = await OkAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, new
        {
            title,
            summary = "Für alle Jobcenter",
            bodyMarkdown = "Ruf uns an: {{Jobcenter.Telefon}}",
            topics = new[] { "Ausbildung" },
        });
        var id = created.GetProperty("id").GetGuid();
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);
        return id;
    }

    private async Task<Guid> CampaignAsync(Guid itemId, DateTime publishAt, string title = "Ausbildungsstart 1. August")
    {
        using var response = await SendAsync(_grossGerau, HttpMethod.Post, CampaignsUrl, _network, new { libraryItemId = itemId, title, publishAt, note = "Bitte vor dem Start" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"campaign: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> CampaignViewAsync(HttpClient client, string token, Guid campaignId)
    {
        var list = await OkAsync(client, HttpMethod.Get, CampaignsUrl, token);
        return list.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == campaignId);
    }

    private static DateTime Seconds(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static DateTime Utc(JsonElement value) => value.GetDateTime().ToUniversalTime();

    [Fact]
    public async Task A_campaign_needs_a_published_item_a_title_and_a_future_date_and_only_network_editors_create_it()
    {
        var draft = await OkAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, new { title = "Noch im Entwurf", topics = new[] { "Ausbildung" } });
        var itemId = await PublishedItemAsync("Ausbildung beginnt");
        var future = Seconds(Now.AddDays(30));

        using (var past = await SendAsync(_grossGerau, HttpMethod.Post, CampaignsUrl, _network, new { libraryItemId = itemId, title = "Zu spät", publishAt = Now.AddMinutes(-5) }))
        {
            await AssertProblemAsync(past, HttpStatusCode.BadRequest, "publishAt");
        }

        using (var noTitle = await SendAsync(_grossGerau, HttpMethod.Post, CampaignsUrl, _network, new { libraryItemId = itemId, title = "", publishAt = future }))
        {
            await AssertProblemAsync(noTitle, HttpStatusCode.BadRequest, "title");
        }

        using (var unpublished = await SendAsync(_grossGerau, HttpMethod.Post, CampaignsUrl, _network, new { libraryItemId = draft.GetProperty("id").GetGuid(), title = "Entwurf", publishAt = future }))
        {
            await AssertProblemAsync(unpublished, HttpStatusCode.Conflict);
        }

        using (var unknown = await SendAsync(_grossGerau, HttpMethod.Post, CampaignsUrl, _network, new { libraryItemId = Guid.NewGuid(), title = "Unbekannt", publishAt = future }))
        {
            await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        var jana = await SignInAsync(_grossGerau, "jana@gross-gerau.example");
        foreach (var token in new[] { jana, _editorGg, _adminGg })
        {
            using var refused = await SendAsync(_grossGerau, HttpMethod.Post, CampaignsUrl, token, new { libraryItemId = itemId, title = "Nicht erlaubt", publishAt = future });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var id = await CampaignAsync(itemId, future);
        var view = await CampaignViewAsync(_grossGerau, _editorGg, id);
        Assert.Equal(future, Utc(view.GetProperty("publishAt")));
        Assert.Equal("Ausbildung beginnt", view.GetProperty("itemTitle").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("optIn").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("participants").ValueKind);

        using (var movedToPast = await SendAsync(_grossGerau, HttpMethod.Put, $"{CampaignsUrl}/{id}", _network, new { title = "X", publishAt = Now.AddHours(-1) }))
        {
            await AssertProblemAsync(movedToPast, HttpStatusCode.BadRequest, "publishAt");
        }

        // Young people see no campaigns.
        using var browse = await SendAsync(_grossGerau, HttpMethod.Get, CampaignsUrl, jana);
        Assert.Equal(HttpStatusCode.Forbidden, browse.StatusCode);
    }

    [Fact]
    public async Task An_opt_in_is_a_draft_that_the_approval_by_another_reviewer_schedules_for_the_campaign_date()
    {
        var itemId = await PublishedItemAsync("Bewerbung für die Ausbildung");
        var publishAt = Seconds(Now.AddDays(10));
        var campaignId = await CampaignAsync(itemId, publishAt);

        // The reviewer opts in and so is the author of the adopted draft; a draft is not scheduled by an opt-in.
        var optIn = await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _reviewerGg);
        Assert.Equal("Draft", optIn.GetProperty("postStatus").GetString());
        Assert.Equal(publishAt, Utc(optIn.GetProperty("publishAt")));
        Assert.Equal(JsonValueKind.Null, optIn.GetProperty("scheduledFor").ValueKind);
        var postId = optIn.GetProperty("postId").GetGuid();
        var adoptions = await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}/adoptions", _editorGg);
        Assert.Contains(adoptions.EnumerateArray(), a => a.GetProperty("postId").GetGuid() == postId);
        var view = await CampaignViewAsync(_grossGerau, _editorGg, campaignId);
        Assert.Equal(postId, view.GetProperty("optIn").GetProperty("postId").GetGuid());

        // Opting in twice changes nothing.
        Assert.Equal(postId, (await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _editorGg)).GetProperty("postId").GetGuid());

        Assert.Equal("InReview", await StepOkAsync(_grossGerau, _reviewerGg, postId, "submit"));
        using (var own = await StepAsync(_grossGerau, _reviewerGg, postId, "approve"))
        {
            await AssertProblemAsync(own, HttpStatusCode.Conflict);
            Assert.Contains("Vier-Augen", (await ReadAsync(own)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var byEditor = await StepAsync(_grossGerau, _editorGg, postId, "approve"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        }

        Assert.Equal("Scheduled", await StepOkAsync(_grossGerau, _adminGg, postId, "approve"));
        var post = await GetAsync(_grossGerau, _editorGg, postId);
        Assert.Equal(publishAt, Utc(post.GetProperty("publishAt")));

        var forNetwork = await CampaignViewAsync(_grossGerau, _network, campaignId);
        var participant = Assert.Single(forNetwork.GetProperty("participants").EnumerateArray());
        Assert.Equal("Scheduled", participant.GetProperty("postStatus").GetString());
        Assert.Equal(publishAt, Utc(participant.GetProperty("publishAt")));
        Assert.Contains("Gerau", participant.GetProperty("tenant").GetString(), StringComparison.Ordinal);
        Assert.False(participant.TryGetProperty("postTitle", out _));

        // Opting out before publication cancels the schedule; the post stays approved and the jobcenter's own.
        var optedOut = await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-out", _editorGg);
        Assert.Equal("Approved", optedOut.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, (await GetAsync(_grossGerau, _editorGg, postId)).GetProperty("publishAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await CampaignViewAsync(_grossGerau, _editorGg, campaignId)).GetProperty("optIn").ValueKind);
        Assert.Empty((await CampaignViewAsync(_grossGerau, _network, campaignId)).GetProperty("participants").EnumerateArray());
        using (var twice = await SendAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-out", _editorGg, new { }))
        {
            await AssertProblemAsync(twice, HttpStatusCode.NotFound);
        }

        // Back in with the approved post: a reviewer with a second factor schedules it in the same step.
        var again = await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _adminGg);
        Assert.Equal("Scheduled", again.GetProperty("postStatus").GetString());
        Assert.Equal(postId, again.GetProperty("postId").GetGuid());
        Assert.Equal(publishAt, Utc(again.GetProperty("scheduledFor")));
    }

    [Fact]
    public async Task A_moved_campaign_date_is_shown_to_participants_who_follow_it_by_opting_in_again()
    {
        var itemId = await PublishedItemAsync("Termin verschoben");
        var first = Seconds(Now.AddDays(5));
        var campaignId = await CampaignAsync(itemId, first);
        var postId = (await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _editorGg)).GetProperty("postId").GetGuid();
        await StepOkAsync(_grossGerau, _editorGg, postId, "submit");
        Assert.Equal("Scheduled", await StepOkAsync(_grossGerau, _reviewerGg, postId, "approve"));

        var moved = Seconds(Now.AddDays(7));
        await OkAsync(_grossGerau, HttpMethod.Put, $"{CampaignsUrl}/{campaignId}", _network, new { title = "Ausbildungsstart", publishAt = moved });

        // The jobcenter's schedule stays until it decides; it sees the new date next to its own.
        var view = await CampaignViewAsync(_grossGerau, _editorGg, campaignId);
        Assert.True(view.GetProperty("optIn").GetProperty("dateChanged").GetBoolean());
        Assert.Equal(first, Utc(view.GetProperty("optIn").GetProperty("scheduledFor")));
        Assert.Equal(moved, Utc(view.GetProperty("publishAt")));

        // Following moves a schedule: not for an editor without the right to schedule; nothing changes then.
        using (var byEditor = await SendAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _editorGg, new { }))
        {
            await AssertProblemAsync(byEditor, HttpStatusCode.Forbidden);
        }

        Assert.True((await CampaignViewAsync(_grossGerau, _editorGg, campaignId)).GetProperty("optIn").GetProperty("dateChanged").GetBoolean());

        var followed = await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _reviewerGg);
        Assert.Equal(moved, Utc(followed.GetProperty("scheduledFor")));
        var after = await CampaignViewAsync(_grossGerau, _editorGg, campaignId);
        Assert.False(after.GetProperty("optIn").GetProperty("dateChanged").GetBoolean());
        Assert.Equal(moved, Utc((await GetAsync(_grossGerau, _editorGg, postId)).GetProperty("publishAt")));
    }

    [Fact]
    public async Task One_jobcenter_never_sees_another_ones_opt_in_or_post()
    {
        var itemId = await PublishedItemAsync("Nur für uns");
        var campaignId = await CampaignAsync(itemId, Seconds(Now.AddDays(3)));
        var ggPost = (await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _editorGg)).GetProperty("postId").GetGuid();

        var forOffenbach = await CampaignViewAsync(_offenbach, _editorOf, campaignId);
        Assert.Equal(JsonValueKind.Null, forOffenbach.GetProperty("optIn").ValueKind);
        Assert.Equal(JsonValueKind.Null, forOffenbach.GetProperty("participants").ValueKind);
        using (var foreignPost = await SendAsync(_offenbach, HttpMethod.Get, $"{PostsUrl}/{ggPost}", _editorOf))
        {
            await AssertProblemAsync(foreignPost, HttpStatusCode.NotFound);
        }

        using (var foreignOptOut = await SendAsync(_offenbach, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-out", _editorOf, new { }))
        {
            await AssertProblemAsync(foreignOptOut, HttpStatusCode.NotFound);
        }

        // Offenbach opts in with its own copy; Groß-Gerau's stays untouched.
        var ofPost = (await OkAsync(_offenbach, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _editorOf)).GetProperty("postId").GetGuid();
        Assert.NotEqual(ggPost, ofPost);
        Assert.Contains("069 000-200", (await GetAsync(_offenbach, _editorOf, ofPost)).GetProperty("content").GetProperty("bodyMarkdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(ggPost, (await CampaignViewAsync(_grossGerau, _editorGg, campaignId)).GetProperty("optIn").GetProperty("postId").GetGuid());
        Assert.Equal(2, (await CampaignViewAsync(_grossGerau, _network, campaignId)).GetProperty("participants").GetArrayLength());

        // Young people neither opt in nor out; staff of Groß-Gerau cannot act at Offenbach's address.
        var jana = await SignInAsync(_grossGerau, "jana@gross-gerau.example");
        foreach (var step in new[] { "opt-in", "opt-out" })
        {
            using var young = await SendAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/{step}", jana, new { });
            Assert.Equal(HttpStatusCode.Forbidden, young.StatusCode);
            using var crossed = await SendAsync(_offenbach, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/{step}", _editorGg, new { });
            Assert.True(crossed.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{step}: {(int)crossed.StatusCode}");
        }

        using var crossedList = await SendAsync(_offenbach, HttpMethod.Get, CampaignsUrl, _editorGg);
        Assert.True(crossedList.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hangfire_publishes_the_campaign_post_at_the_campaign_time()
    {
        var itemId = await PublishedItemAsync("Kampagne geht raus");
        var publishAt = Seconds(Now.AddMinutes(30));
        var campaignId = await CampaignAsync(itemId, publishAt);
        var postId = (await OkAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-in", _editorGg)).GetProperty("postId").GetGuid();
        await StepOkAsync(_grossGerau, _editorGg, postId, "submit");
        Assert.Equal("Scheduled", await StepOkAsync(_grossGerau, _reviewerGg, postId, "approve"));
        Assert.DoesNotContain(postId, Ids(await GetJsonAsync(_grossGerau, "api/v1/posts?pageSize=50")));

        // At the campaign time Hangfire fires the post's delayed job (by the wall clock: here the test fires it).
        Clock.Advance(publishAt - Now);
        await DelayedJobs.FirePublicationAsync(App, "gross-gerau", postId);
        await EventuallyAsync(async () => Ids(await GetJsonAsync(_grossGerau, "api/v1/posts?pageSize=50")).Contains(postId), "published");
        var post = await GetAsync(_grossGerau, _editorGg, postId);
        Assert.Equal("Published", post.GetProperty("status").GetString());
        Assert.Equal(publishAt, Utc(post.GetProperty("publishedAt")));
        var participant = Assert.Single((await CampaignViewAsync(_grossGerau, _network, campaignId)).GetProperty("participants").EnumerateArray());
        Assert.Equal("Published", participant.GetProperty("postStatus").GetString());

        using var late = await SendAsync(_grossGerau, HttpMethod.Post, $"{CampaignsUrl}/{campaignId}/opt-out", _editorGg, new { });
        await AssertProblemAsync(late, HttpStatusCode.Conflict);

        // Its expiry (the catch-up job's step) shows in the network team's view as well.
        await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var row = await db.Posts.SingleAsync(p => p.Id == postId);
            ((DbContext)db).Entry(row).ComplexProperty(p => p.Content).Property(c => c.ExpiresAt).CurrentValue = Now.AddMinutes(-1);
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IMediator>().Send(new UnpublishExpiredPostsCommand());
        });
        var expired = Assert.Single((await CampaignViewAsync(_grossGerau, _network, campaignId)).GetProperty("participants").EnumerateArray());
        Assert.Equal("Unpublished", expired.GetProperty("postStatus").GetString());
    }
}

public sealed class SqliteLibraryCampaignTests(SqliteFakeClockApp app) : LibraryCampaignTests<SqliteFakeClockApp>(app);

public sealed class PostgresLibraryCampaignTests(PostgresFakeClockApp app) : LibraryCampaignTests<PostgresFakeClockApp>(app);
