using System.Net;
using System.Net.Http.Json;
using Platform.TestSupport;

namespace Platform.Api.Tests.Hosting;

/// <summary>The UI language (ADR-016): German by default, English, Arabic or Farsi by link (<c>?culture=</c>) or by the switcher's cookie.</summary>
public abstract class UiLanguageTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task The_feed_is_german_by_default_even_when_the_browser_prefers_english()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9,ar;q=0.8");

        var html = await GetHtmlAsync(client, "");

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains(">Neuigkeiten für dich</h1>", html, StringComparison.Ordinal);
        Assert.Contains(">Veranstaltungen</span></a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_en_in_the_query_renders_the_feed_in_english()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var html = await GetHtmlAsync(client, "?culture=en");

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains(">News for you</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Main navigation\"", html, StringComparison.Ordinal);
        Assert.Contains(">Events</span></a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Neuigkeiten für dich", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_culture_cookie_renders_arabic_right_to_left_with_arabic_navigation()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dar%7Cuic%3Dar");

        var html = await GetHtmlAsync(client, "");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"التنقل الرئيسي\"", html, StringComparison.Ordinal);
        Assert.Contains(">الفعاليات</span></a>", html, StringComparison.Ordinal);
        Assert.Contains(">تواصل معنا</span></a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_fa_renders_the_feed_in_farsi_right_to_left()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var html = await GetHtmlAsync(client, "?culture=fa");

        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains(">اخبار برای تو</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"ناوبری اصلی\"", html, StringComparison.Ordinal);
        Assert.Contains(">رویدادها</span></a>", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"fa\"", html, StringComparison.Ordinal);
        // The German demo posts keep their own direction on the right-to-left page.
        Assert.Contains("<p class=\"summary\" lang=\"de\" dir=\"auto\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Neuigkeiten für dich", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switcher_sets_the_cookie_and_returns_to_the_same_page_inside_the_tenant()
    {
        using var client = App.CreatePrefixClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("sprache?culture=en&zurueck=%2Fsuche%3Fq%3DWohngeld", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/t/gross-gerau/suche?q=Wohngeld", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);

        client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        var html = await GetHtmlAsync(client, "veranstaltungen");
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task The_switcher_never_sends_anyone_off_the_site(string back)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri($"sprache?culture=ar&zurueck={Uri.EscapeDataString(back)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_not_found_page_speaks_english_and_its_switcher_returns_to_the_address_asked_for()
    {
        using var client = App.CreatePrefixClient("gross-gerau");

        using var response = await client.GetAsync(new Uri("gibt-es-nicht?culture=en", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"sprache?culture=de&amp;zurueck=%2Fgibt-es-nicht\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_culture_stays_german()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var html = await GetHtmlAsync(client, "?culture=xx");

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_messages_follow_the_culture_german_by_default()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var callbackWithoutPhone = new { type = "callback", message = "Bitte ruft mich an.", consent = true };

        using var german = await client.PostAsJsonAsync("api/v1/contact", callbackWithoutPhone);
        using var english = await client.PostAsJsonAsync("api/v1/contact?culture=en", callbackWithoutPhone);

        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Equal("Für einen Rückruf brauchen wir deine Telefonnummer.", (await ReadJsonAsync(german)).GetProperty("errors").GetProperty("phone")[0].GetString());
        Assert.Equal("For a call back we need your phone number.", (await ReadJsonAsync(english)).GetProperty("errors").GetProperty("phone")[0].GetString());
    }

    [Fact]
    public async Task The_topic_subscription_page_speaks_english_with_culture_en_and_german_by_default()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var english = await GetHtmlAsync(client, "themen-abonnieren?culture=en");
        var german = await GetHtmlAsync(client, "themen-abonnieren");

        Assert.Contains("<h1>Subscribe to topics</h1>", english, StringComparison.Ordinal);
        Assert.Contains("data-msg-subscribed=\"Subscribed.", english, StringComparison.Ordinal);
        Assert.Contains(">Delete subscription</button>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Themen abonnieren", english, StringComparison.Ordinal);
        Assert.Contains("<h1>Themen abonnieren</h1>", german, StringComparison.Ordinal);
        Assert.Contains("data-msg-subscribed=\"Abonniert.", german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_month_calendar_names_months_and_weekdays_in_the_ui_language()
    {
        using var client = App.CreateTenantClient("gross-gerau");

        var english = await GetHtmlAsync(client, "veranstaltungen?ansicht=kalender&monat=2026-12&culture=en");
        var german = await GetHtmlAsync(client, "veranstaltungen?ansicht=kalender&monat=2026-12");
        var bad = await GetHtmlAsync(client, "veranstaltungen?ansicht=kalender&monat=2026-13&culture=en");

        Assert.Contains("<caption>December 2026</caption>", english, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Monday</span>", english, StringComparison.Ordinal);
        Assert.Contains("November 2026", english, StringComparison.Ordinal);
        Assert.Contains("Events in December 2026", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Dezember", english, StringComparison.Ordinal);
        Assert.Contains("<caption>Dezember 2026</caption>", german, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Montag</span>", german, StringComparison.Ordinal);
        Assert.Contains("Termine im Dezember 2026", german, StringComparison.Ordinal);
        Assert.Contains("We do not know this month.", bad, StringComparison.Ordinal);
    }

    private static async Task<string> GetHtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {html}");
        return html;
    }
}

public sealed class SqliteUiLanguageTests(SqliteApp app) : UiLanguageTests<SqliteApp>(app);

public sealed class PostgresUiLanguageTests(PostgresApp app) : UiLanguageTests<PostgresApp>(app);
