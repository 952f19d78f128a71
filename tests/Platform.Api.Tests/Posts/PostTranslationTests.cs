using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// Posts in several languages (issue 14): a translation has its own versions and its own four-eyes review, readers get
/// it in their language or by link, with "Auch auf" and hreflang alternates, feeds and search carry it; bad input and
/// another jobcenter's post are refused.
/// </summary>
public abstract partial class PostTranslationTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private HttpClient _client = null!;
    private string _editor = "";
    private string _reviewer = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = App.CreateTenantClient("gross-gerau");
        _editor = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "redaktion@gross-gerau.example");
        _reviewer = await SignInWithSecondFactorAsync(App, _client, "gross-gerau", "pruefung@gross-gerau.example");
    }

    public override Task DisposeAsync()
    {
        _client.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task A_translation_reaches_readers_only_after_a_second_person_approved_it_and_stays_live_through_its_next_draft()
    {
        var id = await PublishedAsync("Wohngeld beantragen");

        var first = await SaveAsync(id, "en", new { title = "Applying for housing benefit", summary = "How it works.", bodyMarkdown = "Step **one**." });
        Assert.Equal("Draft", first.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("contentVersion").GetInt32());
        Assert.Equal("Wohngeld beantragen", (await ReadPostAsync(id, "en")).GetProperty("title").GetString());

        Assert.Equal("InReview", await TranslationStepAsync(id, "en", "submit", _editor));
        using (var own = await SendAsync(_client, HttpMethod.Post, $"{PostsUrl}/{id}/translations/en/approve", _editor, new { }))
        {
            // The editor may not approve at all; nobody approves their own translation (four eyes).
            Assert.True(own.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, $"{(int)own.StatusCode}");
        }

        Assert.Equal("Approved", await TranslationStepAsync(id, "en", "approve", _reviewer));
        var english = await ReadPostAsync(id, "en");
        Assert.Equal("Applying for housing benefit", english.GetProperty("title").GetString());
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("de", english.GetProperty("originalLanguage").GetString());
        Assert.Contains("<strong>one</strong>", english.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(["de", "en"], english.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Wohngeld beantragen", (await ReadPostAsync(id, "de")).GetProperty("title").GetString());

        // A new version is a draft again: readers keep the approved one until it is approved too.
        var second = await SaveAsync(id, "en", new { title = "Housing benefit: how to apply", baseVersion = 1 });
        Assert.Equal(2, second.GetProperty("contentVersion").GetInt32());
        Assert.Equal(1, second.GetProperty("liveVersion").GetInt32());
        Assert.Equal("Applying for housing benefit", (await ReadPostAsync(id, "en")).GetProperty("title").GetString());

        using (var stale = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}/translations/en", _editor, new { title = "Overwritten", baseVersion = 1 }))
        {
            await AssertProblemAsync(stale, HttpStatusCode.Conflict);
        }

        Assert.Equal("InReview", await TranslationStepAsync(id, "en", "submit", _editor));
        Assert.Equal("Draft", await TranslationStepAsync(id, "en", "return", _reviewer, new { comment = "Bitte den Titel kürzer." }));
        var editorial = await GetAsync(_client, _editor, id);
        var translation = editorial.GetProperty("translations").EnumerateArray().Single();
        Assert.Equal("en", translation.GetProperty("language").GetString());
        Assert.Equal("Bitte den Titel kürzer.", translation.GetProperty("reviewComment").GetString());
        Assert.Equal([2, 1], translation.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal("Applying for housing benefit", (await ReadPostAsync(id, "en")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_page_offers_the_other_languages_and_every_alternate_link_leads_to_the_post_in_that_language()
    {
        var id = await PublishedAsync("Erste eigene Wohnung");
        await ApprovedTranslationAsync(id, "ar", "أول شقة خاصة بك");
        await ApprovedTranslationAsync(id, "uk", "Перша власна квартира");

        var html = await _client.GetStringAsync($"posts/{id}?lang=ar");
        Assert.Contains("أول شقة خاصة بك", html, StringComparison.Ordinal);
        Assert.Matches("<article class=\"post\" lang=\"ar\" dir=\"rtl\"", html);
        Assert.Contains($"href=\"posts/{id}?lang=uk\" hreflang=\"uk\" lang=\"uk\"", html, StringComparison.Ordinal);
        Assert.Contains("Українська", html, StringComparison.Ordinal);

        var alternates = Alternate().Matches(html).ToDictionary(m => m.Groups["lang"].Value, m => WebUtility.HtmlDecode(m.Groups["href"].Value));
        Assert.Equal(["de", "ar", "uk", "x-default"], alternates.Keys);
        var expected = new Dictionary<string, string> { ["de"] = "Erste eigene Wohnung", ["ar"] = "أول شقة خاصة بك", ["uk"] = "Перша власна квартира" };
        foreach (var (language, href) in alternates)
        {
            var link = new Uri(href);
            Assert.True(link.IsAbsoluteUri);
            var page = await _client.GetStringAsync(link.PathAndQuery);
            Assert.Contains(expected[language == "x-default" ? "de" : language], page, StringComparison.Ordinal);
        }

        // Without ?lang= the reader's own language decides: Ukrainian for a Ukrainian reader, German for the rest.
        Assert.Contains("Перша власна квартира", await _client.GetStringAsync($"posts/{id}?culture=uk"), StringComparison.Ordinal);
        Assert.Contains("Erste eigene Wohnung", await _client.GetStringAsync($"posts/{id}?culture=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_in_a_language_carry_the_translations_and_leave_the_other_posts_in_their_own_language()
    {
        var translated = await PublishedAsync("Bewerbung als ein PDF");
        var plain = await PublishedAsync("Nur auf Deutsch");
        await ApprovedTranslationAsync(translated, "tr", "Tek PDF olarak başvuru");

        await EventuallyAsync(async () =>
        {
            var feed = await GetJsonAsync(_client, "api/v1/posts?lang=tr&pageSize=50");
            var items = feed.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
            return items.TryGetValue(translated, out var t) && t.GetProperty("title").GetString() == "Tek PDF olarak başvuru"
                && t.GetProperty("language").GetString() == "tr"
                && items.TryGetValue(plain, out var p) && p.GetProperty("language").GetString() == "de";
        });

        var atom = XDocument.Parse(await _client.GetStringAsync("feed.atom?lang=tr"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal("tr", atom.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        var entry = atom.Root.Elements(a + "entry").Single(e => e.Element(a + "title")!.Value == "Tek PDF olarak başvuru");
        Assert.Equal("tr", entry.Attribute(XNamespace.Xml + "lang")!.Value);
        var link = new Uri(entry.Elements(a + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
        Assert.EndsWith($"posts/{translated}?lang=tr", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("Tek PDF olarak başvuru", await _client.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);
        Assert.Equal("de", atom.Root.Elements(a + "entry").Single(e => e.Element(a + "title")!.Value == "Nur auf Deutsch").Attribute(XNamespace.Xml + "lang")!.Value);
    }

    [Fact]
    public async Task Search_finds_a_post_through_its_approved_translation_only()
    {
        var id = await PublishedAsync("Wohnung gesucht");
        await SaveAsync(id, "en", new { title = "Looking for a flat", summary = "Quokkaflat tips.", bodyMarkdown = "Quokkaflat and more." });
        Assert.Empty(await SearchIdsAsync("Quokkaflat"));

        Assert.Equal("InReview", await TranslationStepAsync(id, "en", "submit", _editor));
        Assert.Equal("Approved", await TranslationStepAsync(id, "en", "approve", _reviewer));
        Assert.Equal([id], await SearchIdsAsync("quokkaflat"));

        // In the reader's language the hit shows the translation's title; otherwise the post's own.
        var english = (await GetJsonAsync(_client, "api/v1/posts/search?q=Quokkaflat&lang=en")).GetProperty("items")[0];
        Assert.Equal("Looking for a flat", english.GetProperty("title").GetString());
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("Wohnung gesucht", (await GetJsonAsync(_client, "api/v1/posts/search?q=Quokkaflat")).GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Contains("<h2 lang=\"en\" dir=\"auto\"><a href=\"posts/" + id + "\">Looking for a flat</a></h2>", await _client.GetStringAsync("suche?q=Quokkaflat&culture=en"), StringComparison.Ordinal);
        using (var badLanguage = await _client.GetAsync("api/v1/posts/search?q=Wohnung&lang=xx"))
        {
            await AssertProblemAsync(badLanguage, HttpStatusCode.BadRequest, "lang");
        }
        Assert.Equal([id], await SearchIdsAsync("Wohnung gesucht"));

        using (var delete = await SendAsync(_client, HttpMethod.Delete, $"{PostsUrl}/{id}/translations/en", _editor))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        Assert.Empty(await SearchIdsAsync("Quokkaflat"));
        Assert.Equal(["de"], (await ReadPostAsync(id, "en")).GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_language_the_platform_does_not_offer_is_400_naming_it_and_another_jobcenters_post_is_404()
    {
        var id = await PublishedAsync("Nebenjob melden");
        using (var french = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}/translations/fr", _editor, new { title = "Job d'appoint" }))
        {
            await AssertProblemAsync(french, HttpStatusCode.BadRequest, "language");
        }

        using (var own = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}/translations/de", _editor, new { title = "Nebenjob" }))
        {
            await AssertProblemAsync(own, HttpStatusCode.Conflict);
        }

        using (var untitled = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}/translations/en", _editor, new { title = " " }))
        {
            await AssertProblemAsync(untitled, HttpStatusCode.BadRequest, "title");
        }

        using (var feed = await _client.GetAsync("api/v1/posts?lang=xx"))
        {
            await AssertProblemAsync(feed, HttpStatusCode.BadRequest, "lang");
        }

        using (var post = await _client.GetAsync($"api/v1/posts/{id}?lang=klingon"))
        {
            await AssertProblemAsync(post, HttpStatusCode.BadRequest, "lang");
        }

        using (var atom = await _client.GetAsync("feed.atom?lang=xx"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, atom.StatusCode);
        }

        // The page itself never fails on a language it does not know: it shows the post in its own language.
        Assert.Contains("Nebenjob melden", await _client.GetStringAsync($"posts/{id}?lang=xx"), StringComparison.Ordinal);

        using var offenbach = App.CreateTenantClient("offenbach");
        var other = await SignInWithSecondFactorAsync(App, offenbach, "offenbach", "redaktion@offenbach.example");
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Put, ""), (HttpMethod.Post, "/submit"), (HttpMethod.Post, "/approve"), (HttpMethod.Post, "/return"), (HttpMethod.Delete, ""),
        })
        {
            using var response = await SendAsync(offenbach, method, $"{PostsUrl}/{id}/translations/en{path}", other, new { title = "Side job", comment = "x" });
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }

        using var put = await SendAsync(offenbach, HttpMethod.Put, $"{PostsUrl}/{id}/translations/en", other, new { title = "Side job" });
        await AssertProblemAsync(put, HttpStatusCode.NotFound);
        Assert.Equal(["de"], (await ReadPostAsync(id, "en")).GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task The_translation_pages_render_for_a_post_without_and_with_translations()
    {
        var id = await PublishedAsync("Kindergeld und Bürgergeld");
        using var staff = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(staff, "admin@gross-gerau.example");

        // Without a translation: the post's page offers every other language, the translation page an empty form.
        var empty = await staff.GetStringAsync($"redaktion/beitraege/{id}");
        Assert.Contains("Noch keine Übersetzung.", empty, StringComparison.Ordinal);
        Assert.Contains("<option value=\"fa\" lang=\"fa\">فارسی</option>", empty, StringComparison.Ordinal);
        var form = await staff.GetStringAsync($"redaktion/beitraege/{id}/uebersetzungen?sprache=fa");
        Assert.Contains("noch nicht angelegt", form, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", form, StringComparison.Ordinal);

        // With one: listed with its state, its page with its text and versions; an unoffered language says which exist.
        await ApprovedTranslationAsync(id, "fa", "کمک هزینه فرزند");
        var full = await staff.GetStringAsync($"redaktion/beitraege/{id}");
        Assert.Contains($"href=\"redaktion/beitraege/{id}/uebersetzungen/fa\"", full, StringComparison.Ordinal);
        Assert.Contains("Freigegeben", full, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"fa\"", full, StringComparison.Ordinal);
        var page = await staff.GetStringAsync($"redaktion/beitraege/{id}/uebersetzungen/fa");
        Assert.Contains("کمک هزینه فرزند", page, StringComparison.Ordinal);
        Assert.Contains("sichtbar: Version 1", page, StringComparison.Ordinal);
        Assert.Contains("Übersetzungen gibt es in diesen Sprachen", await staff.GetStringAsync($"redaktion/beitraege/{id}/uebersetzungen/xx"), StringComparison.Ordinal);
    }

    private async Task<Guid> PublishedAsync(string title)
    {
        var id = await ApprovedAsync(_client, _editor, _reviewer, title);
        Assert.Equal("Published", await StepOkAsync(_client, _reviewer, id, "publish"));
        return id;
    }

    private async Task ApprovedTranslationAsync(Guid id, string language, string title)
    {
        await SaveAsync(id, language, new { title, summary = title, bodyMarkdown = title });
        Assert.Equal("InReview", await TranslationStepAsync(id, language, "submit", _editor));
        Assert.Equal("Approved", await TranslationStepAsync(id, language, "approve", _reviewer));
    }

    private async Task<System.Text.Json.JsonElement> SaveAsync(Guid id, string language, object body)
    {
        using var response = await SendAsync(_client, HttpMethod.Put, $"{PostsUrl}/{id}/translations/{language}", _editor, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"save: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadAsync(response);
    }

    private async Task<string> TranslationStepAsync(Guid id, string language, string step, string token, object? body = null)
    {
        using var response = await SendAsync(_client, HttpMethod.Post, $"{PostsUrl}/{id}/translations/{language}/{step}", token, body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await ReadAsync(response)).GetProperty("status").GetString()!;
    }

    private Task<System.Text.Json.JsonElement> ReadPostAsync(Guid id, string language) => GetJsonAsync(_client, $"api/v1/posts/{id}?lang={language}");

    private async Task<List<Guid>> SearchIdsAsync(string q) =>
        [.. (await GetJsonAsync(_client, $"api/v1/posts/search?q={Uri.EscapeDataString(q)}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    [GeneratedRegex("<link rel=\"alternate\" hreflang=\"(?<lang>[^\"]+)\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex Alternate();
}

public sealed class SqlitePostTranslationTests(SqliteApp app) : PostTranslationTests<SqliteApp>(app);

public sealed class PostgresPostTranslationTests(PostgresApp app) : PostTranslationTests<PostgresApp>(app);
