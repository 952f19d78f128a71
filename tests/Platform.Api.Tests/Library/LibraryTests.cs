using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Posts;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Library;

/// <summary>
/// The shared content library over HTTP: four eyes among NetworkEditors, who may write, adoption with each jobcenter's
/// own placeholder values, isolation of adopted copies, and update propagation with and without local changes.
/// </summary>
public abstract class LibraryTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string LibraryUrl = "api/v1/library";

    private HttpClient _grossGerau = null!;
    private HttpClient _offenbach = null!;
    private string _network = "";
    private string _networkOffenbach = "";
    private string _editorGg = "";
    private string _editorOf = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _grossGerau = App.CreateTenantClient("gross-gerau");
        _offenbach = App.CreateTenantClient("offenbach");
        _network = await SignInWithSecondFactorAsync(App, _grossGerau, "gross-gerau", "netzwerk@gross-gerau.example");
        _networkOffenbach = await SignInWithSecondFactorAsync(App, _offenbach, "offenbach", "netzwerk@offenbach.example");
        _editorGg = await SignInAsync(_grossGerau, "redaktion@gross-gerau.example");
        _editorOf = await SignInAsync(_offenbach, "redaktion@offenbach.example");
    }

    public override Task DisposeAsync()
    {
        _grossGerau.Dispose();
        _offenbach.Dispose();
        return base.DisposeAsync();
    }

    private static object Item(string title, string body, string summary = "Für alle Jobcenter") =>
        new { title, summary, bodyMarkdown = body, topics = new[] { "Ausbildung" } };

    private static async Task<JsonElement> OkAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var response = await SendAsync(client, method, url, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Written by netzwerk@gross-gerau, approved by netzwerk@offenbach.</summary>
    private async Task<Guid> PublishedItemAsync(string title, string body)
    {
        var created = await OkAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, Item(title, body));
        var id = created.GetProperty("id").GetGuid();
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        var approved = await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);
        Assert.Equal("Published", approved.GetProperty("status").GetString());
        return id;
    }

    private static async Task<(Guid AdoptionId, Guid PostId)> AdoptAsync(HttpClient client, string token, Guid itemId)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"{LibraryUrl}/{itemId}/adopt", token, new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"adopt: {(int)response.StatusCode} {text}");
        var state = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Draft", state.GetProperty("postStatus").GetString());
        return (state.GetProperty("adoptionId").GetGuid(), state.GetProperty("postId").GetGuid());
    }

    private static async Task<JsonElement> AdoptionAsync(HttpClient client, string token, Guid adoptionId)
    {
        var list = await OkAsync(client, HttpMethod.Get, $"{LibraryUrl}/adoptions", token);
        return list.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == adoptionId);
    }

    [Fact]
    public async Task A_network_editor_signed_in_with_the_password_alone_cannot_approve()
    {
        var created = await OkAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, Item("Bewerbungsmappe", "Tipps"));
        var id = created.GetProperty("id").GetGuid();
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await TwoFactor.DisableTotpAsync(App, "offenbach", "netzwerk@offenbach.example");
        var passwordOnly = await SignInAsync(_offenbach, "netzwerk@offenbach.example");

        // Writing is fine with a password; publishing to every jobcenter's editors needs the second factor.
        using var approve = await SendAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", passwordOnly, new { });

        await AssertProblemAsync(approve, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_library_item_is_approved_by_a_network_editor_other_than_its_author()
    {
        var created = await OkAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, Item("Ausbildungsstart 1. August", "Ruf uns an: {{Jobcenter.Telefon}}"));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Draft", created.GetProperty("status").GetString());

        // Not yet published: editors neither see nor adopt it.
        var browse = await OkAsync(_grossGerau, HttpMethod.Get, LibraryUrl, _editorGg);
        Assert.DoesNotContain(browse.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        using (var early = await SendAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/adopt", _editorGg, new { }))
        {
            await AssertProblemAsync(early, HttpStatusCode.NotFound);
        }

        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        using (var own = await SendAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _network, new { }))
        {
            await AssertProblemAsync(own, HttpStatusCode.Conflict);
            Assert.Contains("Vier-Augen", (await ReadAsync(own)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A reviewer of a jobcenter is not part of the network team.
        var reviewer = await SignInAsync(_grossGerau, "pruefung@gross-gerau.example");
        using (var byReviewer = await SendAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", reviewer, new { }))
        {
            await AssertProblemAsync(byReviewer, HttpStatusCode.Forbidden);
        }

        var approved = await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);
        Assert.Equal("Published", approved.GetProperty("status").GetString());
        Assert.Equal(1, approved.GetProperty("publishedVersion").GetInt32());

        var found = await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}?topic=Ausbildung&language=de&q=august", _editorGg);
        Assert.Contains(found.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var otherTopic = await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}?topic=Jobsuche", _editorGg);
        Assert.DoesNotContain(otherTopic.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var otherLanguage = await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}?language=tr", _editorGg);
        Assert.DoesNotContain(otherLanguage.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Young_people_and_jobcenter_staff_do_not_write_the_library_and_unknown_placeholders_are_refused()
    {
        var jana = await SignInAsync(_grossGerau, "jana@gross-gerau.example");
        var admin = await SignInAsync(_grossGerau, "admin@gross-gerau.example");
        foreach (var token in new[] { jana, _editorGg, admin })
        {
            using var create = await SendAsync(_grossGerau, HttpMethod.Post, LibraryUrl, token, Item("Nicht erlaubt", "Text"));
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        var id = await PublishedItemAsync("Bewerbungstipps", "Text");
        foreach (var token in new[] { jana, _editorGg })
        {
            using var update = await SendAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}", token, new { baseVersion = 1, title = "X", topics = new[] { "Ausbildung" } });
            Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
            using var submit = await SendAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", token, new { });
            Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        }

        // Young people neither browse nor adopt.
        using (var browse = await SendAsync(_grossGerau, HttpMethod.Get, LibraryUrl, jana))
        {
            Assert.Equal(HttpStatusCode.Forbidden, browse.StatusCode);
        }

        using (var adopt = await SendAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/adopt", jana, new { }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, adopt.StatusCode);
        }

        using (var bad = await SendAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, Item("Platzhalter", "Ruf an: {{Jobcenter.Fax}}")))
        {
            await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "bodyMarkdown");
            Assert.Contains("Jobcenter.Fax", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var badUpdate = await SendAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}", _network,
            new { baseVersion = 1, title = "{{Jobcenter.Name }} {{Name}}", topics = new[] { "Ausbildung" } }))
        {
            await AssertProblemAsync(badUpdate, HttpStatusCode.BadRequest, "title");
        }

        using (var stale = await SendAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}", _network,
            new { baseVersion = 7, title = "Neu", topics = new[] { "Ausbildung" } }))
        {
            await AssertProblemAsync(stale, HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task A_library_item_carries_the_fields_of_a_post_with_the_same_rules_and_adoption_copies_them()
    {
        var starts = new DateTime(2027, 7, 20, 8, 0, 0, DateTimeKind.Utc);
        object Full(string? alt) => new
        {
            title = "Infotag Ausbildung",
            summary = "Für alle Jobcenter",
            bodyMarkdown = "Komm vorbei.",
            topics = new[] { "Ausbildung" },
            language = "de",
            easyTitle = "Infotag",
            easyBodyMarkdown = "Du kannst kommen.",
            callToActionLabel = "Termin buchen",
            callToActionUrl = "https://example.org/termin",
            coverImage = TinyPng,
            coverImageAlt = alt,
            expiresAt = starts.AddDays(10),
            eventStartsAt = starts,
            eventEndsAt = starts.AddHours(3),
            eventPlace = "Im {{Jobcenter.Name}}",
            eventCapacity = 30,
        };

        using (var noAlt = await SendAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, Full(null)))
        {
            await AssertProblemAsync(noAlt, HttpStatusCode.BadRequest, "coverImageAlt");
        }

        using (var badLink = await SendAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network,
            new { title = "Link", topics = new[] { "Ausbildung" }, callToActionLabel = "Los", callToActionUrl = "http://unsicher.example" }))
        {
            await AssertProblemAsync(badLink, HttpStatusCode.BadRequest, "callToActionUrl");
        }

        using (var noPlace = await SendAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network,
            new { title = "Ohne Ort", topics = new[] { "Ausbildung" }, eventStartsAt = starts }))
        {
            await AssertProblemAsync(noPlace, HttpStatusCode.BadRequest, "eventPlace");
        }

        var id = (await OkAsync(_grossGerau, HttpMethod.Post, LibraryUrl, _network, Full("Junge Menschen an einem Infostand"))).GetProperty("id").GetGuid();
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);
        var shown = (await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}/{id}", _editorGg)).GetProperty("version");
        Assert.True(shown.GetProperty("hasCoverImage").GetBoolean());
        Assert.Equal(30, shown.GetProperty("eventCapacity").GetInt32());

        var (_, postId) = await AdoptAsync(_grossGerau, _editorGg, id);
        var content = (await GetAsync(_grossGerau, _editorGg, postId)).GetProperty("content");
        Assert.True(content.GetProperty("hasCoverImage").GetBoolean());
        Assert.Equal("Junge Menschen an einem Infostand", content.GetProperty("coverImageAlt").GetString());
        Assert.Equal("https://example.org/termin", content.GetProperty("callToActionUrl").GetString());
        Assert.Equal("Termin buchen", content.GetProperty("callToActionLabel").GetString());
        Assert.Equal(starts, content.GetProperty("eventStartsAt").GetDateTime().ToUniversalTime());
        Assert.Equal(starts.AddDays(10), content.GetProperty("expiresAt").GetDateTime().ToUniversalTime());
        Assert.Equal(30, content.GetProperty("eventCapacity").GetInt32());
        Assert.DoesNotContain("{{", content.GetProperty("eventPlace").GetString(), StringComparison.Ordinal);
        Assert.Equal("Infotag", content.GetProperty("easyTitle").GetString());
        using var cover = await SendAsync(_grossGerau, HttpMethod.Get, $"{PostsUrl}/{postId}/cover", _editorGg);
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        CraftedImages.AssertSamePixels(TinyPng, await cover.Content.ReadAsByteArrayAsync());

        // A new version without a new image keeps it; removing it drops it.
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}", _network, new
        {
            baseVersion = 1,
            title = "Infotag Ausbildung",
            topics = new[] { "Ausbildung" },
            coverImageAlt = "Ein Infostand",
        });
        var kept = (await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}/{id}", _network)).GetProperty("version");
        Assert.True(kept.GetProperty("hasCoverImage").GetBoolean());
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}", _network, new
        {
            baseVersion = 2,
            title = "Infotag Ausbildung",
            topics = new[] { "Ausbildung" },
            removeCoverImage = true,
        });
        Assert.False((await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}/{id}", _network)).GetProperty("version").GetProperty("hasCoverImage").GetBoolean());
    }

    [Fact]
    public async Task An_adopted_item_is_a_draft_of_each_jobcenter_with_its_own_data_and_stays_its_own()
    {
        var id = await PublishedItemAsync(
            "Termin beim {{Jobcenter.Name}}",
            "Ruf an: {{Jobcenter.Telefon}}\nSchreib an {{Jobcenter.EMail}}\nTermin: {{Jobcenter.Terminbuchung}}");

        var (ggAdoption, ggPost) = await AdoptAsync(_grossGerau, _editorGg, id);
        var (ofAdoption, ofPost) = await AdoptAsync(_offenbach, _editorOf, id);

        var gg = await GetAsync(_grossGerau, _editorGg, ggPost);
        Assert.StartsWith("Termin beim ", gg.GetProperty("content").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", gg.GetProperty("content").GetProperty("title").GetString(), StringComparison.Ordinal);
        var ggBody = gg.GetProperty("content").GetProperty("bodyMarkdown").GetString()!;
        Assert.Contains("06152 000-100", ggBody, StringComparison.Ordinal);
        Assert.Contains("u25@jobcenter-gross-gerau.example", ggBody, StringComparison.Ordinal);
        Assert.Contains("https://jobcenter-gross-gerau.example/termin", ggBody, StringComparison.Ordinal);
        Assert.Equal("Draft", gg.GetProperty("status").GetString());

        var of = await GetAsync(_offenbach, _editorOf, ofPost);
        var ofBody = of.GetProperty("content").GetProperty("bodyMarkdown").GetString()!;
        Assert.Contains("069 000-200", ofBody, StringComparison.Ordinal);
        Assert.DoesNotContain("06152", ofBody, StringComparison.Ordinal);

        // Each jobcenter sees only its own copy and adoption.
        using (var foreign = await SendAsync(_offenbach, HttpMethod.Get, $"{PostsUrl}/{ggPost}", _editorOf))
        {
            await AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        }

        foreach (var (method, path) in new[] { (HttpMethod.Get, "diff"), (HttpMethod.Post, "take-over"), (HttpMethod.Post, "keep-own") })
        {
            using var foreign = await SendAsync(_offenbach, method, $"{LibraryUrl}/adoptions/{ggAdoption}/{path}", _editorOf, method == HttpMethod.Post ? new { } : null);
            await AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        }

        var ofList = await OkAsync(_offenbach, HttpMethod.Get, $"{LibraryUrl}/adoptions", _editorOf);
        Assert.Equal([ofAdoption], ofList.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));

        using (var twice = await SendAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/adopt", _editorGg, new { }))
        {
            await AssertProblemAsync(twice, HttpStatusCode.Conflict);
        }

        // The network team sees who uses the item in which version; the jobcenters do not.
        var forNetwork = await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}/{id}", _network);
        var usedBy = forNetwork.GetProperty("usedBy").EnumerateArray().Select(u => (u.GetProperty("tenant").GetString(), u.GetProperty("version").GetInt32())).ToList();
        Assert.Equal(2, usedBy.Count);
        Assert.All(usedBy, u => Assert.Equal(1, u.Item2));
        var forEditor = await OkAsync(_offenbach, HttpMethod.Get, $"{LibraryUrl}/{id}", _editorOf);
        Assert.Equal(JsonValueKind.Null, forEditor.GetProperty("usedBy").ValueKind);
        Assert.Contains("{{Jobcenter.Telefon}}", forEditor.GetProperty("version").GetProperty("bodyMarkdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_reaches_adopters_who_take_it_over_around_their_local_changes_or_keep_their_own()
    {
        var id = await PublishedItemAsync("Ausbildung beginnt", "Absatz eins.\nRuf an: {{Jobcenter.Telefon}}");
        var (ggAdoption, ggPost) = await AdoptAsync(_grossGerau, _editorGg, id);
        var (ofAdoption, ofPost) = await AdoptAsync(_offenbach, _editorOf, id);

        // Groß-Gerau changes the body locally; Offenbach changes nothing.
        await OkAsync(_grossGerau, HttpMethod.Put, $"{PostsUrl}/{ggPost}", _editorGg, new
        {
            baseVersion = 1,
            title = "Ausbildung beginnt",
            summary = "Für alle Jobcenter",
            bodyMarkdown = "Unser eigener Text aus Groß-Gerau.",
            topics = new[] { "Ausbildung" },
        });
        Assert.False((await AdoptionAsync(_grossGerau, _editorGg, ggAdoption)).GetProperty("updateAvailable").GetBoolean());

        // The library gets version 2: new title and new body. Tenants see it only once it is approved.
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}", _network, new
        {
            baseVersion = 1,
            title = "Ausbildung beginnt am 1. August",
            summary = "Für alle Jobcenter",
            bodyMarkdown = "Absatz eins, neu.\nRuf an: {{Jobcenter.Telefon}}",
            topics = new[] { "Ausbildung" },
        });
        Assert.False((await AdoptionAsync(_offenbach, _editorOf, ofAdoption)).GetProperty("updateAvailable").GetBoolean());
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);

        var ggView = await AdoptionAsync(_grossGerau, _editorGg, ggAdoption);
        Assert.True(ggView.GetProperty("updateAvailable").GetBoolean());
        Assert.Equal(1, ggView.GetProperty("adoptedVersion").GetInt32());
        Assert.Equal(2, ggView.GetProperty("libraryVersion").GetInt32());

        var diff = await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}/adoptions/{ggAdoption}/diff", _editorGg);
        Assert.Equal(["Title", "BodyMarkdown"], diff.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        var bodyLines = diff.GetProperty("fields")[1].GetProperty("lines").EnumerateArray()
            .Select(l => $"{l.GetProperty("kind")}:{l.GetProperty("text").GetString()}").ToList();
        Assert.Contains(bodyLines, l => l.EndsWith(":Absatz eins, neu.", StringComparison.Ordinal));
        Assert.Contains(bodyLines, l => l.EndsWith(":Ruf an: 06152 000-100", StringComparison.Ordinal));

        // With local changes: the untouched title is updated, the body changed on both sides keeps the local text.
        var ggTake = await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/adoptions/{ggAdoption}/take-over", _editorGg, new { });
        Assert.Equal(["Title"], ggTake.GetProperty("updated").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["BodyMarkdown"], ggTake.GetProperty("conflicts").EnumerateArray().Select(f => f.GetString()));
        var gg = await GetAsync(_grossGerau, _editorGg, ggPost);
        Assert.Equal("Ausbildung beginnt am 1. August", gg.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal("Unser eigener Text aus Groß-Gerau.", gg.GetProperty("content").GetProperty("bodyMarkdown").GetString());
        Assert.Equal(3, gg.GetProperty("contentVersion").GetInt32());
        Assert.False((await AdoptionAsync(_grossGerau, _editorGg, ggAdoption)).GetProperty("updateAvailable").GetBoolean());

        // Without local changes everything new is taken over, with Offenbach's own number.
        var ofTake = await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/adoptions/{ofAdoption}/take-over", _editorOf, new { });
        Assert.Empty(ofTake.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(["Title", "BodyMarkdown"], ofTake.GetProperty("updated").EnumerateArray().Select(f => f.GetString()));
        var of = await GetAsync(_offenbach, _editorOf, ofPost);
        Assert.Equal("Absatz eins, neu.\nRuf an: 069 000-200", of.GetProperty("content").GetProperty("bodyMarkdown").GetString());
        Assert.Equal(2, (await AdoptionAsync(_offenbach, _editorOf, ofAdoption)).GetProperty("adoptedVersion").GetInt32());

        // Nothing new: a take-over is refused.
        using (var nothing = await SendAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/adoptions/{ofAdoption}/take-over", _editorOf, new { }))
        {
            await AssertProblemAsync(nothing, HttpStatusCode.Conflict);
        }

        // Version 3: Offenbach keeps its own text; the update is marked as seen and the post stays as it was.
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}", _network, new
        {
            baseVersion = 2,
            title = "Ausbildung beginnt am 1. August",
            summary = "Neue Zusammenfassung",
            bodyMarkdown = "Absatz eins, neu.\nRuf an: {{Jobcenter.Telefon}}",
            topics = new[] { "Ausbildung" },
        });
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);
        Assert.True((await AdoptionAsync(_offenbach, _editorOf, ofAdoption)).GetProperty("updateAvailable").GetBoolean());
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/adoptions/{ofAdoption}/keep-own", _editorOf, new { });
        var kept = await AdoptionAsync(_offenbach, _editorOf, ofAdoption);
        Assert.False(kept.GetProperty("updateAvailable").GetBoolean());
        Assert.Equal(2, kept.GetProperty("adoptedVersion").GetInt32());
        Assert.Equal("Für alle Jobcenter", (await GetAsync(_offenbach, _editorOf, ofPost)).GetProperty("content").GetProperty("summary").GetString());

        var usage = (await OkAsync(_grossGerau, HttpMethod.Get, $"{LibraryUrl}/{id}", _network)).GetProperty("usedBy").EnumerateArray()
            .Select(u => u.GetProperty("version").GetInt32()).Order().ToList();
        Assert.Equal([2, 2], usage);
    }

    [Fact]
    public async Task Translations_of_an_item_are_reviewed_with_its_version_and_adopters_get_them_filled_and_approved()
    {
        var id = await PublishedItemAsync("Ausbildung beginnt", "Ruf an: {{Jobcenter.Telefon}}");
        var url = $"{LibraryUrl}/{id}/translations";

        // Bad input: an unoffered language, the item's own one, an unknown placeholder, no title, a stale version.
        foreach (var (language, body, field) in new (string, object, string)[]
        {
            ("xx", new { baseVersion = 1, title = "Titel" }, "language"),
            ("ar", new { baseVersion = 1, title = "بدء التدريب", bodyMarkdown = "{{Jobcenter.Fax}}" }, "bodyMarkdown"),
            ("ar", new { baseVersion = 1, title = "" }, "title"),
            ("ar", new { title = "بدء التدريب" }, "baseVersion"),
        })
        {
            using var bad = await SendAsync(_grossGerau, HttpMethod.Put, $"{url}/{language}", _network, body);
            await AssertProblemAsync(bad, HttpStatusCode.BadRequest, field);
        }

        using (var own = await SendAsync(_grossGerau, HttpMethod.Put, $"{url}/de", _network, new { baseVersion = 1, title = "Ausbildung" }))
        {
            await AssertProblemAsync(own, HttpStatusCode.Conflict);
        }

        using (var staff = await SendAsync(_grossGerau, HttpMethod.Put, $"{url}/ar", _editorGg, new { baseVersion = 1, title = "بدء التدريب" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        }

        var translated = await OkAsync(_grossGerau, HttpMethod.Put, $"{url}/ar", _network, new
        {
            baseVersion = 1,
            title = "بدء التدريب",
            summary = "لكل مراكز العمل",
            bodyMarkdown = "اتصل بنا: {{Jobcenter.Telefon}}",
        });
        Assert.Equal(2, translated.GetProperty("latestVersion").GetInt32());
        Assert.Equal("Draft", translated.GetProperty("status").GetString());
        using (var stale = await SendAsync(_grossGerau, HttpMethod.Put, $"{url}/tr", _network, new { baseVersion = 1, title = "Eğitim başlıyor" }))
        {
            await AssertProblemAsync(stale, HttpStatusCode.Conflict);
        }

        await OkAsync(_grossGerau, HttpMethod.Put, $"{url}/tr", _network, new { baseVersion = 2, title = "Eğitim başlıyor", bodyMarkdown = "Ara: {{Jobcenter.Telefon}}" });

        // Until the version is approved the jobcenters see version 1, without translations.
        var before = await OkAsync(_offenbach, HttpMethod.Get, $"{LibraryUrl}/{id}", _editorOf);
        Assert.Empty(before.GetProperty("version").GetProperty("translations").EnumerateArray());
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);
        var after = await OkAsync(_offenbach, HttpMethod.Get, $"{LibraryUrl}/{id}", _editorOf);
        Assert.Equal(["ar", "tr"], after.GetProperty("version").GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("language").GetString()));

        // Each adopter gets the translations approved, with its own number; the reader sees them once the post is out.
        var (_, ggPost) = await AdoptAsync(_grossGerau, _editorGg, id);
        var (_, ofPost) = await AdoptAsync(_offenbach, _editorOf, id);
        var ggTranslations = (await GetAsync(_grossGerau, _editorGg, ggPost)).GetProperty("translations").EnumerateArray().ToList();
        Assert.Equal(["ar", "tr"], ggTranslations.Select(t => t.GetProperty("language").GetString()));
        Assert.All(ggTranslations, t => Assert.Equal("Approved", t.GetProperty("status").GetString()));
        var ofArabic = (await GetAsync(_offenbach, _editorOf, ofPost)).GetProperty("translations").EnumerateArray().Single(t => t.GetProperty("language").GetString() == "ar");
        Assert.Equal(1, ofArabic.GetProperty("liveVersion").GetInt32());
        Assert.Equal("اتصل بنا: 069 000-200", ofArabic.GetProperty("text").GetProperty("bodyMarkdown").GetString());

        var reviewerGg = await SignInWithSecondFactorAsync(App, _grossGerau, "gross-gerau", "pruefung@gross-gerau.example");
        await StepOkAsync(_grossGerau, _editorGg, ggPost, "submit");
        await StepOkAsync(_grossGerau, reviewerGg, ggPost, "approve");
        await StepOkAsync(_grossGerau, reviewerGg, ggPost, "publish");
        var arabic = await GetJsonAsync(_grossGerau, $"api/v1/posts/{ggPost}?lang=ar");
        Assert.Equal("بدء التدريب", arabic.GetProperty("title").GetString());
        Assert.Contains("اتصل بنا: 06152 000-100", arabic.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);

        // Groß-Gerau's post does not exist through Offenbach's address.
        using var offenbachReader = await _offenbach.GetAsync(new Uri($"api/v1/posts/{ggPost}?lang=ar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, offenbachReader.StatusCode);
    }

    [Fact]
    public async Task A_new_version_updates_the_translations_an_adopter_left_alone_and_keeps_the_ones_it_changed()
    {
        var id = await PublishedItemAsync("Wohngeld", "Text");
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}/translations/en", _network, new { baseVersion = 1, title = "Housing benefit", bodyMarkdown = "Text" });
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}/translations/uk", _network, new { baseVersion = 2, title = "Житлова допомога" });
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);
        var (ggAdoption, ggPost) = await AdoptAsync(_grossGerau, _editorGg, id);
        var (ofAdoption, ofPost) = await AdoptAsync(_offenbach, _editorOf, id);

        // Groß-Gerau rewrites its English translation; Offenbach changes nothing.
        await OkAsync(_grossGerau, HttpMethod.Put, $"{PostsUrl}/{ggPost}/translations/en", _editorGg, new { baseVersion = 1, title = "Housing benefit in Groß-Gerau" });

        // Version 4 changes English, drops Ukrainian and adds Turkish.
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}/translations/en", _network, new { baseVersion = 3, title = "Housing benefit: how to apply" });
        await OkAsync(_grossGerau, HttpMethod.Delete, $"{LibraryUrl}/{id}/translations/uk?baseVersion=4", _network);
        using (var gone = await SendAsync(_grossGerau, HttpMethod.Delete, $"{LibraryUrl}/{id}/translations/uk?baseVersion=5", _network))
        {
            await AssertProblemAsync(gone, HttpStatusCode.NotFound);
        }

        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}/translations/tr", _network, new { baseVersion = 5, title = "Konut yardımı" });
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);

        // The diff names each translation that changed, filled with the jobcenter's data like the fields.
        var diff = await OkAsync(_offenbach, HttpMethod.Get, $"{LibraryUrl}/adoptions/{ofAdoption}/diff", _editorOf);
        Assert.Equal(
            ["translation:en", "translation:tr", "translation:uk"],
            diff.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));

        var ggTake = await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/adoptions/{ggAdoption}/take-over", _editorGg, new { });
        Assert.Equal(["translation:en"], ggTake.GetProperty("conflicts").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["translation:tr", "translation:uk"], ggTake.GetProperty("updated").EnumerateArray().Select(f => f.GetString()));
        var gg = (await GetAsync(_grossGerau, _editorGg, ggPost)).GetProperty("translations").EnumerateArray()
            .ToDictionary(t => t.GetProperty("language").GetString()!, t => t.GetProperty("text").GetProperty("title").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["en"] = "Housing benefit in Groß-Gerau", ["tr"] = "Konut yardımı" }, gg);

        var ofTake = await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/adoptions/{ofAdoption}/take-over", _editorOf, new { });
        Assert.Empty(ofTake.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(["translation:en", "translation:tr", "translation:uk"], ofTake.GetProperty("updated").EnumerateArray().Select(f => f.GetString()));
        var of = (await GetAsync(_offenbach, _editorOf, ofPost)).GetProperty("translations").EnumerateArray().ToList();
        var english = of.Single(t => t.GetProperty("language").GetString() == "en");
        Assert.Equal("Housing benefit: how to apply", english.GetProperty("text").GetProperty("title").GetString());
        Assert.Equal("Approved", english.GetProperty("status").GetString());
        Assert.Equal(2, english.GetProperty("liveVersion").GetInt32());
        Assert.Equal(["en", "tr"], of.Select(t => t.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task The_library_pages_show_an_items_translations_and_only_the_network_edits_them()
    {
        var id = await PublishedItemAsync("Bewerbungsfoto", "Text");
        await OkAsync(_grossGerau, HttpMethod.Put, $"{LibraryUrl}/{id}/translations/fa", _network, new { baseVersion = 1, title = "عکس درخواست" });
        await OkAsync(_grossGerau, HttpMethod.Post, $"{LibraryUrl}/{id}/submit", _network);
        await OkAsync(_offenbach, HttpMethod.Post, $"{LibraryUrl}/{id}/approve", _networkOffenbach);

        var key = await TwoFactor.EnableTotpAsync(App, "gross-gerau", "netzwerk@gross-gerau.example");
        using var network = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(network, "netzwerk@gross-gerau.example", twoFactorCode: TwoFactor.NextCode(key, App.Clock));

        // The network's editors open each translation and add missing ones; the form is in the language's direction.
        var page = await network.GetStringAsync($"redaktion/bibliothek/{id}");
        Assert.Contains($"href=\"redaktion/bibliothek/{id}/uebersetzungen/fa\"", page, StringComparison.Ordinal);
        Assert.Contains("عکس درخواست", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ar\" lang=\"ar\">العربية</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"fa\"", page, StringComparison.Ordinal);
        var form = await network.GetStringAsync($"redaktion/bibliothek/{id}/uebersetzungen/fa");
        Assert.Contains("value=\"عکس درخواست\"", form, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.BaseVersion\" value=\"2\"", form, StringComparison.Ordinal);
        Assert.Contains("Übersetzungen gibt es in diesen Sprachen", await network.GetStringAsync($"redaktion/bibliothek/{id}/uebersetzungen/xx"), StringComparison.Ordinal);

        // A jobcenter's editor sees what comes along, without a way to change it.
        using var editor = App.CreateTenantClient("gross-gerau");
        await SignInWithCookieAsync(editor, "redaktion@gross-gerau.example");

        var seen = await editor.GetStringAsync($"redaktion/bibliothek/{id}");
        Assert.Contains("عکس درخواست", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("uebersetzungen/fa", seen, StringComparison.Ordinal);
        using var refused = await editor.GetAsync(new Uri($"redaktion/bibliothek/{id}/uebersetzungen/fa", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.DoesNotContain("bibliothek", refused.Headers.Location?.OriginalString.Split('?')[0] ?? "", StringComparison.Ordinal);
    }
}

public sealed class SqliteLibraryTests(SqliteApp app) : LibraryTests<SqliteApp>(app);

public sealed class PostgresLibraryTests(PostgresApp app) : LibraryTests<PostgresApp>(app);
