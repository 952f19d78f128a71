using System.Net;
using Platform.Application.Posts;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>The editorial workflow over HTTP: steps, their refusals, the four-eyes rule, versions, diff, preview, access.</summary>
public abstract class EditorialWorkflowTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private HttpClient _client = null!;
    private string _editor = "";
    private string _reviewer = "";
    private string _admin = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = App.CreateTenantClient("gross-gerau");
        _editor = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "redaktion@gross-gerau.example");
        _reviewer = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "pruefung@gross-gerau.example");
        _admin = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "admin@gross-gerau.example");
    }

    public override Task DisposeAsync()
    {
        _client.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task A_post_goes_from_draft_through_review_to_the_public_feed_and_every_step_is_recorded()
    {
        var id = await CreateAsync(_client, _editor, "Ausbildungsmesse im Landratsamt");
        Assert.DoesNotContain(id, Ids(await GetJsonAsync(_client, "api/v1/posts?pageSize=50")));

        Assert.Equal("InReview", await StepOkAsync(_client, _editor, id, "submit"));
        Assert.Equal("Approved", await StepOkAsync(_client, _reviewer, id, "approve"));
        Assert.DoesNotContain(id, Ids(await GetJsonAsync(_client, "api/v1/posts?pageSize=50")));
        Assert.Equal("Published", await StepOkAsync(_client, _reviewer, id, "publish"));

        // The public feed is output-cached for a second.
        await EventuallyAsync(async () => Ids(await GetJsonAsync(_client, "api/v1/posts?pageSize=50")).Contains(id));

        var post = await GetAsync(_client, _editor, id);
        var steps = post.GetProperty("transitions").EnumerateArray()
            .Select(t => $"{t.GetProperty("from").GetString()}->{t.GetProperty("to").GetString()} {t.GetProperty("byName").GetString()}")
            .Reverse()
            .ToList();
        Assert.Equal(["Draft->InReview Redaktion", "InReview->Approved Prüfung", "Approved->Published Prüfung"], steps);

        Assert.Equal("Unpublished", await StepOkAsync(_client, _editor, id, "unpublish"));
        await EventuallyAsync(async () => !Ids(await GetJsonAsync(_client, "api/v1/posts?pageSize=50")).Contains(id));
        Assert.Equal("Archived", await StepOkAsync(_client, _editor, id, "archive"));

        var audit = await GetJsonAsync(_client, _admin, "api/v1/tenant/audit");
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("post.created", actions);
        Assert.Contains("post.approved", actions);
        Assert.Contains("post.published", actions);
    }

    [Fact]
    public async Task Under_the_four_eyes_rule_nobody_approves_their_own_post()
    {
        var settings = await GetJsonAsync(_client, _admin, "api/v1/tenant/settings");
        Assert.True(settings.GetProperty("fourEyesRule").GetBoolean());

        var id = await CreateAsync(_client, _reviewer, "Von der Prüfung selbst geschrieben");
        await StepOkAsync(_client, _reviewer, id, "submit");
        using var own = await StepAsync(_client, _reviewer, id, "approve");
        await AssertProblemAsync(own, HttpStatusCode.Conflict);
        Assert.Contains("Vier-Augen", (await ReadAsync(own)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // An editor is no reviewer while the rule is on.
        using var byEditor = await StepAsync(_client, _editor, id, "approve");
        await AssertProblemAsync(byEditor, HttpStatusCode.Forbidden);

        Assert.Equal("Approved", await StepOkAsync(_client, _admin, id, "approve"));
    }

    [Fact]
    public async Task Under_the_four_eyes_rule_a_post_that_was_not_approved_is_neither_scheduled_nor_published()
    {
        var id = await CreateAsync(_client, _editor, "Nicht freigegeben");
        using var publish = await StepAsync(_client, _reviewer, id, "publish");
        await AssertProblemAsync(publish, HttpStatusCode.Conflict);
        using var schedule = await StepAsync(_client, _reviewer, id, "schedule", new { publishAt = DateTime.UtcNow.AddHours(1) });
        await AssertProblemAsync(schedule, HttpStatusCode.Conflict);

        await StepOkAsync(_client, _editor, id, "submit");
        using var inReview = await StepAsync(_client, _reviewer, id, "publish");
        await AssertProblemAsync(inReview, HttpStatusCode.Conflict);
        Assert.Equal("InReview", (await GetAsync(_client, _editor, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_the_four_eyes_rule_an_editor_publishes_their_own_draft()
    {
        using (var off = await SendAsync(_client, HttpMethod.Put, "api/v1/tenant/editorial-rules", _admin, new { fourEyesRule = false }))
        {
            Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        }

        Assert.False((await GetJsonAsync(_client, _admin, "api/v1/tenant/settings")).GetProperty("fourEyesRule").GetBoolean());
        var id = await CreateAsync(_client, _editor, "Schnell raus");
        Assert.Equal("Published", await StepOkAsync(_client, _editor, id, "publish"));

        var other = await CreateAsync(_client, _editor, "Selbst freigegeben");
        await StepOkAsync(_client, _editor, other, "submit");
        Assert.Equal("Approved", await StepOkAsync(_client, _editor, other, "approve"));

        // The rule is per jobcenter: Offenbach still has it.
        using var offenbach = App.CreateTenantClient("offenbach");
        var editor = await SignInWithSecondFactorAsync(App, offenbach, "offenbach", "redaktion@offenbach.example");
        var there = await CreateAsync(offenbach, editor, "In Offenbach");
        using var refused = await StepAsync(offenbach, editor, there, "publish");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Steps_that_do_not_fit_the_status_are_refused_with_409()
    {
        var id = await CreateAsync(_client, _editor, "Falsche Reihenfolge");
        foreach (var step in new[] { "approve", "unpublish", "cancel-schedule" })
        {
            using var response = await StepAsync(_client, step == "approve" ? _reviewer : _editor, id, step);
            await AssertProblemAsync(response, HttpStatusCode.Conflict);
        }

        await StepOkAsync(_client, _editor, id, "submit");
        using (var twice = await StepAsync(_client, _editor, id, "submit"))
        {
            await AssertProblemAsync(twice, HttpStatusCode.Conflict);
        }

        using (var noComment = await StepAsync(_client, _reviewer, id, "return", new { comment = "" }))
        {
            await AssertProblemAsync(noComment, HttpStatusCode.BadRequest, "comment");
        }

        await StepOkAsync(_client, _editor, id, "archive");
        using (var again = await StepAsync(_client, _editor, id, "archive"))
        {
            await AssertProblemAsync(again, HttpStatusCode.Conflict);
        }

        using (var edit = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}", _editor, new { baseVersion = 1, title = "Neu", topics = new[] { "Geld" } }))
        {
            await AssertProblemAsync(edit, HttpStatusCode.Conflict);
        }

        using var past = await StepAsync(_client, _reviewer, await ApprovedAsync(_client, _editor, _reviewer, "Vergangenheit"), "schedule", new { publishAt = DateTime.UtcNow.AddMinutes(-5) });
        await AssertProblemAsync(past, HttpStatusCode.Conflict);
        using var missing = await StepAsync(_client, _reviewer, id, "schedule", new { });
        await AssertProblemAsync(missing, HttpStatusCode.BadRequest, "publishAt");
    }

    [Fact]
    public async Task A_reviewer_returns_a_post_with_a_comment_and_the_author_sees_it()
    {
        var id = await CreateAsync(_client, _editor, "Zurück an die Redaktion");
        await StepOkAsync(_client, _editor, id, "submit");
        Assert.Equal("Draft", await StepOkAsync(_client, _reviewer, id, "return", new { comment = "Bitte die Telefonnummer ergänzen." }));

        var latest = (await GetAsync(_client, _editor, id)).GetProperty("transitions")[0];
        Assert.Equal("InReview", latest.GetProperty("from").GetString());
        Assert.Equal("Draft", latest.GetProperty("to").GetString());
        Assert.Equal("Bitte die Telefonnummer ergänzen.", latest.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Editing_creates_versions_and_a_stale_version_is_refused_with_409()
    {
        var id = await CreateAsync(_client, _editor, "Wohngeld beantragen", "Zeile eins\nZeile zwei\nZeile drei");

        using (var first = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}", _editor, new
        {
            baseVersion = 1,
            title = "Wohngeld beantragen",
            summary = "Kurz erklärt",
            bodyMarkdown = "Zeile eins\nZeile ZWEI\nZeile drei",
            topics = new[] { "Jobsuche" },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(2, (await ReadAsync(first)).GetProperty("contentVersion").GetInt32());
        }

        // A colleague who also started from version 1 saves later: refused, not overwritten.
        using (var stale = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}", _reviewer, new
        {
            baseVersion = 1,
            title = "Überschrieben?",
            topics = new[] { "Geld" },
        }))
        {
            await AssertProblemAsync(stale, HttpStatusCode.Conflict);
            var detail = (await ReadAsync(stale)).GetProperty("detail").GetString()!;
            Assert.Contains("inzwischen geändert", detail, StringComparison.Ordinal);
            Assert.Contains("changed in the meantime", detail, StringComparison.Ordinal);
        }

        var post = await GetAsync(_client, _editor, id);
        Assert.Equal("Wohngeld beantragen", post.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal([2, 1], post.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));

        var diff = await GetJsonAsync(_client, _editor, $"{PostsUrl}/{id}/versions/1/diff/2");
        var field = Assert.Single(diff.GetProperty("fields").EnumerateArray());
        Assert.Equal("BodyMarkdown", field.GetProperty("field").GetString());
        var lines = field.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("kind").GetString()}:{l.GetProperty("text").GetString()}").ToList();
        Assert.Equal(["Unchanged:Zeile eins", "Deleted:Zeile zwei", "Inserted:Zeile ZWEI", "Unchanged:Zeile drei"], lines);

        using var unknown = await SendAsync(_client, HttpMethod.Get, $"{PostsUrl}/{id}/versions/1/diff/7", _editor);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Editing_an_approved_post_sends_it_back_to_draft()
    {
        var id = await ApprovedAsync(_client, _editor, _reviewer, "Freigegeben, dann geändert");
        using var edit = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}", _editor, new { baseVersion = 1, title = "Geändert", topics = new[] { "Geld" } });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Draft", (await ReadAsync(edit)).GetProperty("status").GetString());
        using var publish = await StepAsync(_client, _reviewer, id, "publish");
        await AssertProblemAsync(publish, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_preview_renders_exactly_as_readers_see_it_without_scripts()
    {
        const string markdown = "# Titel\n\n<script>alert('x')</script>\n\n**fett** [Link](javascript:alert(1)) [gut](https://example.org)";
        using var response = await SendAsync(_client, HttpMethod.Post, $"{PostsUrl}/preview", _editor, new { markdown });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await ReadAsync(response)).GetProperty("html").GetString()!;

        Assert.Equal(PostBodyRenderer.ToSafeHtml(markdown), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>fett</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_fields_are_kept_and_bad_input_is_400_naming_the_field()
    {
        using (var created = await SendAsync(_client, HttpMethod.Post, PostsUrl, _editor, new
        {
            title = "Infotag Ausbildung",
            summary = "Komm vorbei",
            bodyMarkdown = "Text",
            topics = new[] { "Ausbildung", "Jobsuche" },
            language = "en",
            easyTitle = "Info-Tag",
            easySummary = "Wir erklären die Ausbildung.",
            easyBodyMarkdown = "Einfacher Text.",
            callToActionLabel = "Anmelden",
            callToActionUrl = "https://example.org/anmelden",
            coverImage = TinyPng,
            coverImageAlt = "Zwei Auszubildende an einer Werkbank",
            expiresAt = DateTime.UtcNow.AddDays(30),
            eventStartsAt = DateTime.UtcNow.AddDays(7),
            eventEndsAt = DateTime.UtcNow.AddDays(7).AddHours(2),
            eventPlace = "Landratsamt, Saal 1",
            eventCapacity = 40,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await ReadAsync(created)).GetProperty("id").GetGuid();
            var content = (await GetAsync(_client, _editor, id)).GetProperty("content");
            Assert.Equal("en", content.GetProperty("language").GetString());
            Assert.Equal("Info-Tag", content.GetProperty("easyTitle").GetString());
            Assert.Equal("https://example.org/anmelden", content.GetProperty("callToActionUrl").GetString());
            Assert.True(content.GetProperty("hasCoverImage").GetBoolean());
            Assert.Equal(40, content.GetProperty("eventCapacity").GetInt32());
            using var cover = await SendAsync(_client, HttpMethod.Get, $"{PostsUrl}/{id}/cover", _editor);
            Assert.Equal("image/png", cover.Content.Headers.ContentType?.MediaType);
            CraftedImages.AssertSamePixels(TinyPng, await cover.Content.ReadAsByteArrayAsync());
        }

        var bad = new (object Body, string Field)[]
        {
            (new { title = "", topics = new[] { "Geld" } }, "title"),
            (new { title = "Ohne Thema" }, "topics"),
            (new { title = "Thema?", topics = new[] { "Kochen" } }, "topics"),
            (new { title = "Sprache", topics = new[] { "Geld" }, language = "Deutsch" }, "language"),
            (new { title = "Link", topics = new[] { "Geld" }, callToActionLabel = "Los", callToActionUrl = "http://example.org" }, "callToActionUrl"),
            (new { title = "Bild", topics = new[] { "Geld" }, coverImage = TinyPng }, "coverImageAlt"),
            (new { title = "Kein Bild", topics = new[] { "Geld" }, coverImage = "PHN2Zz48L3N2Zz4="u8.ToArray(), coverImageAlt = "svg" }, "coverImage"),
            (new { title = "Termin", topics = new[] { "Geld" }, eventStartsAt = DateTime.UtcNow.AddDays(1) }, "eventPlace"),
            (new { title = "Termin", topics = new[] { "Geld" }, eventStartsAt = DateTime.UtcNow.AddDays(1), eventEndsAt = DateTime.UtcNow, eventOnlineUrl = "https://example.org/raum" }, "eventEndsAt"),
            (new { title = "Plätze", topics = new[] { "Geld" }, eventStartsAt = DateTime.UtcNow.AddDays(1), eventPlace = "Hier", eventCapacity = 0 }, "eventCapacity"),
        };
        foreach (var (body, field) in bad)
        {
            using var response = await SendAsync(_client, HttpMethod.Post, PostsUrl, _editor, body);
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        using var status = await SendAsync(_client, HttpMethod.Get, $"{PostsUrl}?status=Verschollen", _editor);
        await AssertProblemAsync(status, HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task The_list_filters_by_status()
    {
        var draft = await CreateAsync(_client, _editor, "Liste: Entwurf");
        var review = await CreateAsync(_client, _editor, "Liste: Prüfung");
        await StepOkAsync(_client, _editor, review, "submit");

        var inReview = await GetJsonAsync(_client, _editor, $"{PostsUrl}?status=InReview");
        var ids = inReview.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(review, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.All(inReview.EnumerateArray(), p => Assert.Equal("InReview", p.GetProperty("status").GetString()));

        var all = await GetJsonAsync(_client, _editor, PostsUrl);
        Assert.Contains(draft, all.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Staff_signed_in_with_a_password_alone_write_and_submit_but_do_not_make_anything_public()
    {
        await TwoFactor.DisableTotpAsync(App, "gross-gerau", "redaktion@gross-gerau.example");
        await TwoFactor.DisableTotpAsync(App, "gross-gerau", "pruefung@gross-gerau.example");
        var editor = await SignInAsync(_client, "redaktion@gross-gerau.example");
        var reviewer = await SignInAsync(_client, "pruefung@gross-gerau.example");
        var id = await CreateAsync(_client, editor, "Ohne zweiten Faktor");
        Assert.Equal("InReview", await StepOkAsync(_client, editor, id, "submit"));

        foreach (var (step, body) in new (string, object)[] { ("approve", new { }), ("publish", new { }), ("schedule", new { publishAt = DateTime.UtcNow.AddHours(1) }) })
        {
            using var refused = await StepAsync(_client, reviewer, id, step, body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The same reviewer with the authenticator app's code may approve it.
        var withCode = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "pruefung@gross-gerau.example");
        Assert.Equal("Approved", await StepOkAsync(_client, withCode, id, "approve"));
    }

    [Fact]
    public async Task Staff_endpoints_refuse_young_people_other_jobcenters_and_anonymous_callers()
    {
        var id = await CreateAsync(_client, _editor, "Nur für die Redaktion");
        var jana = await SignInAsync(_client, "jana@gross-gerau.example");
        foreach (var (method, url) in new[] { ("GET", PostsUrl), ("GET", $"{PostsUrl}/{id}"), ("POST", $"{PostsUrl}/{id}/submit"), ("POST", $"{PostsUrl}/{id}/approve") })
        {
            using var response = await SendAsync(_client, new HttpMethod(method), url, jana, method == "POST" ? new { } : null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var anonymous = await _client.GetAsync(new Uri(PostsUrl, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        // Offenbach's staff: refused here with their own token, and in their own jobcenter the post does not exist.
        using var offenbach = App.CreateTenantClient("offenbach");
        var foreignEditor = await SignInAsync(offenbach, "redaktion@offenbach.example");
        using (var foreign = await SendAsync(_client, HttpMethod.Get, $"{PostsUrl}/{id}", foreignEditor))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }

        foreach (var (method, url) in new[] { ("GET", $"{PostsUrl}/{id}"), ("POST", $"{PostsUrl}/{id}/submit"), ("GET", $"{PostsUrl}/{id}/versions/1/diff/1") })
        {
            using var response = await SendAsync(offenbach, new HttpMethod(method), url, foreignEditor, method == "POST" ? new { } : null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.DoesNotContain(id, (await GetJsonAsync(offenbach, foreignEditor, PostsUrl)).EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_calendar_shows_scheduled_and_published_posts_in_utc_and_berlin_time_across_the_october_change()
    {
        // The last Sunday of October 2027 is the 31st: at 01:00 UTC Berlin goes from 03:00 CEST back to 02:00 CET.
        var before = new DateTime(2027, 10, 30, 10, 0, 0, DateTimeKind.Utc);
        var after = new DateTime(2027, 11, 1, 10, 0, 0, DateTimeKind.Utc);
        var a = await ApprovedAsync(_client, _editor, _reviewer, "Kalender: Samstag");
        var b = await ApprovedAsync(_client, _editor, _reviewer, "Kalender: Montag");
        await StepOkAsync(_client, _reviewer, a, "schedule", new { publishAt = before });
        await StepOkAsync(_client, _reviewer, b, "schedule", new { publishAt = after });

        var calendar = await GetJsonAsync(_client, _editor, $"{PostsUrl}/calendar?from=2027-10-25T00:00:00Z&to=2027-11-08T00:00:00Z");
        var entries = calendar.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetGuid());
        Assert.Equal(2, entries.Count);
        Assert.Equal(before, entries[a].GetProperty("at").GetDateTime().ToUniversalTime());
        Assert.Equal("2027-10-30T12:00:00", entries[a].GetProperty("localAt").GetString());
        Assert.Equal("+02:00", entries[a].GetProperty("utcOffset").GetString());
        Assert.Equal("2027-11-01T11:00:00", entries[b].GetProperty("localAt").GetString());
        Assert.Equal("+01:00", entries[b].GetProperty("utcOffset").GetString());

        var published = await ApprovedAsync(_client, _editor, _reviewer, "Kalender: heute");
        await StepOkAsync(_client, _reviewer, published, "publish");
        var today = await GetJsonAsync(_client, _editor, $"{PostsUrl}/calendar?from={DateTime.UtcNow.AddHours(-1):O}&to={DateTime.UtcNow.AddHours(1):O}");
        Assert.Contains(today.EnumerateArray(), e => e.GetProperty("id").GetGuid() == published && e.GetProperty("status").GetString() == "Published");

        using var tooLong = await SendAsync(_client, HttpMethod.Get, $"{PostsUrl}/calendar?from=2027-01-01T00:00:00Z&to=2027-12-01T00:00:00Z", _editor);
        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "to");
    }
}

public sealed class SqliteEditorialWorkflowTests(SqliteApp app) : EditorialWorkflowTests<SqliteApp>(app);

public sealed class PostgresEditorialWorkflowTests(PostgresApp app) : EditorialWorkflowTests<PostgresApp>(app);
