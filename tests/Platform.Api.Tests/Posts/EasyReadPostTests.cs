using System.Net;
using System.Net.Http.Json;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// Leichte Sprache as a post's third variant (issue 14): the editor's check gives hints and never blocks a save; readers
/// get the variant in the API and behind the same switch as Einfache Sprache, German in every UI language.
/// </summary>
public abstract class EasyReadPostTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string LongSentence =
        "Wenn du im nächsten Monat eine Ausbildung anfangen willst, dann ruf bitte vorher im Jobcenter an.";

    [Fact]
    public async Task An_editor_saving_a_long_sentence_in_leichte_sprache_sees_the_hint_and_the_save_succeeds()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");

        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Ausbildung: Wir helfen",
            bodyMarkdown = "Standardtext.",
            topics = new[] { "Ausbildung" },
            easyReadTitle = "Hilfe bei der Ausbildung",
            easyReadBodyMarkdown = "Das Jobcenter hilft dir.\n\n" + LongSentence,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();

        var post = await GetAsync(client, editor, id);
        Assert.Equal("Hilfe bei der Ausbildung", post.GetProperty("content").GetProperty("easyReadTitle").GetString());
        var hint = Assert.Single(post.GetProperty("easyReadHints").EnumerateArray());
        Assert.Equal("sentence.long", hint.GetProperty("code").GetString());
        Assert.Equal(LongSentence, hint.GetProperty("excerpt").GetString());

        using var browser = App.CreateTenantClient("gross-gerau");
        using (var login = await browser.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email = "redaktion@gross-gerau.example", password = DatabaseInitializer.DemoPassword }))
        {
            Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"redaktion/beitraege/{id}", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await browser.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hints = page[page.IndexOf("class=\"easy-read-hints\"", StringComparison.Ordinal)..];
        Assert.Contains("Hinweise, kein Fehler", hints, StringComparison.Ordinal);
        Assert.Contains("data-hint=\"sentence.long\"", hints, StringComparison.Ordinal);
        Assert.Contains(LongSentence, hints, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_that_keeps_the_rules_gets_no_hints()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Ausbildung",
            topics = new[] { "Ausbildung" },
            easyReadTitle = "Hilfe bei der Ausbildung",
            easyReadBodyMarkdown = "Das Jobcenter hilft dir.\nRuf uns an.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var post = await GetAsync(client, editor, (await ReadJsonAsync(created)).GetProperty("id").GetGuid());

        Assert.Empty(post.GetProperty("easyReadHints").EnumerateArray());
    }

    [Fact]
    public async Task Leichte_sprache_needs_a_title_when_it_has_a_text()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");

        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Ausbildung",
            topics = new[] { "Ausbildung" },
            easyReadBodyMarkdown = "Das Jobcenter hilft dir.",
        });

        await AssertProblemAsync(created, HttpStatusCode.BadRequest, "easyReadTitle");
    }

    [Theory]
    [InlineData("de", "Leichte Sprache")]
    [InlineData("en", "Easy Read")]
    public async Task Readers_get_leichte_sprache_in_the_api_and_behind_the_same_switch_as_einfache_sprache(string culture, string label)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");
        var reviewer = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "pruefung@gross-gerau.example");
        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Miete und Heizung: was das Jobcenter zahlt",
            summary = "Kosten der Unterkunft",
            bodyMarkdown = "Das Jobcenter zahlt angemessene Kosten.",
            topics = new[] { "Wohnen" },
            easyTitle = "Miete: Das zahlt das Jobcenter",
            easyBodyMarkdown = "Das Jobcenter zahlt die Miete, wenn sie angemessen ist.",
            easyReadTitle = "Das Jobcenter zahlt die Miete",
            easyReadSummary = "Hier steht: Wann zahlt das Jobcenter?",
            easyReadBodyMarkdown = "Du wohnst in einer Wohnung.\nDas Jobcenter zahlt die Miete.",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();
        await StepOkAsync(client, editor, id, "submit");
        await StepOkAsync(client, reviewer, id, "approve");
        Assert.Equal("Published", await StepOkAsync(client, reviewer, id, "publish"));

        var post = await GetJsonAsync(client, $"api/v1/posts/{id}");
        var easyRead = post.GetProperty("easyRead");
        Assert.Equal("Das Jobcenter zahlt die Miete", easyRead.GetProperty("title").GetString());
        Assert.Contains("Das Jobcenter zahlt die Miete.", easyRead.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal("Miete: Das zahlt das Jobcenter", post.GetProperty("easyLanguage").GetProperty("title").GetString());

        var page = await client.GetStringAsync(new Uri($"posts/{id}?sprache=leicht&culture={culture}", UriKind.Relative));
        Assert.Contains("<article class=\"post\" lang=\"de\" dir=\"ltr\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Das Jobcenter zahlt die Miete</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Du wohnst in einer Wohnung.", page, StringComparison.Ordinal);
        Assert.Contains($"sprache=leicht\" hreflang=\"de\" aria-current=\"page\">{label}</a>", page, StringComparison.Ordinal);
        Assert.Contains("sprache=einfach\">", page, StringComparison.Ordinal);
        var easy = await client.GetStringAsync(new Uri($"posts/{id}?sprache=einfach", UriKind.Relative));
        Assert.Contains("<h1>Miete: Das zahlt das Jobcenter</h1>", easy, StringComparison.Ordinal);
        var standard = await client.GetStringAsync(new Uri($"posts/{id}", UriKind.Relative));
        Assert.Contains("<h1>Miete und Heizung: was das Jobcenter zahlt</h1>", standard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_with_only_leichte_sprache_offers_only_that_variant_and_an_unknown_one_is_the_standard_text()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "redaktion@gross-gerau.example");
        var reviewer = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "pruefung@gross-gerau.example");
        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, new
        {
            title = "Ferienjobs im Sommer",
            bodyMarkdown = "Standardtext.",
            topics = new[] { "Ausbildung" },
            easyReadTitle = "Arbeit in den Ferien",
            easyReadBodyMarkdown = "Du kannst in den Ferien arbeiten.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();
        await StepOkAsync(client, editor, id, "submit");
        await StepOkAsync(client, reviewer, id, "approve");
        await StepOkAsync(client, reviewer, id, "publish");

        var standard = await client.GetStringAsync(new Uri($"posts/{id}", UriKind.Relative));
        Assert.Contains("sprache=leicht\"", standard, StringComparison.Ordinal);
        Assert.DoesNotContain("sprache=einfach", standard, StringComparison.Ordinal);
        var easy = await client.GetStringAsync(new Uri($"posts/{id}?sprache=einfach", UriKind.Relative));
        Assert.Contains("<h1>Ferienjobs im Sommer</h1>", easy, StringComparison.Ordinal);
        Assert.False((await GetJsonAsync(client, $"api/v1/posts/{id}")).TryGetProperty("easyLanguage", out var none) && none.ValueKind != System.Text.Json.JsonValueKind.Null);
    }
}

public sealed class SqliteEasyReadPostTests(SqliteApp app) : EasyReadPostTests<SqliteApp>(app);

public sealed class PostgresEasyReadPostTests(PostgresApp app) : EasyReadPostTests<PostgresApp>(app);
