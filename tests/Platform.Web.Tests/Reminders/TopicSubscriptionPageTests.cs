using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Application.Common;
using Platform.Domain.Posts;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Reminders;

/// <summary>
/// Topic subscriptions without an account. Headless Chromium here has no push service to reach (no network beyond
/// loopback), so a real <c>pushManager.subscribe</c> cannot succeed: the test grants the notification permission and
/// replaces only that one browser call with a subscription object of the same shape. Everything else is real: the page,
/// its script, the service worker registration, the API, localStorage and the database.
/// </summary>
public sealed class TopicSubscriptionPageTests(BrowserApp app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string FakePushService =
        """
        (() => {
          const endpoint = 'https://fcm.googleapis.com/fcm/send/' + crypto.randomUUID();
          const subscription = { endpoint, toJSON: () => ({ endpoint, keys: { p256dh: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U', auth: 'tBHItJI5svbpez7KI4CCXg' } }) };
          if ('PushManager' in window) {
            PushManager.prototype.getSubscription = async () => null;
            PushManager.prototype.subscribe = async () => subscription;
          }
        })();
        """;

    public override async Task InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_person_without_an_account_subscribes_to_topics_and_deletes_the_subscription()
    {
        var site = App.TenantByPrefix("gross-gerau");
        var requests = new RequestRecorder(Context);
        await Context.GrantPermissionsAsync(["notifications"], new() { Origin = site.GetLeftPart(UriPartial.Authority) });
        await Context.AddInitScriptAsync(FakePushService);

        await Page.GotoAsync(new Uri(site, "themen-abonnieren?topic=Geld").ToString());
        await Expect(Page.GetByText("Für ein Abo braucht dein Browser JavaScript")).ToBeHiddenAsync();
        await Expect(Page.GetByLabel("Geld")).ToBeCheckedAsync();
        await Page.GetByLabel("Wohnen").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abonnieren" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Abonniert.");
        await Expect(Page.Locator("[data-topic-list]")).ToHaveTextAsync("Geld, Wohnen");
        var stored = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.AsNoTracking()
            .Where(s => s.UserId == null).Select(s => new { s.Id, s.Topics, s.Endpoint }).ToListAsync());
        var subscription = Assert.Single(stored);
        Assert.Equal((int)(Topics.Geld | Topics.Wohnen), subscription.Topics);
        Assert.StartsWith("https://fcm.googleapis.com/fcm/send/", subscription.Endpoint, StringComparison.Ordinal);
        Assert.Equal(0, await App.InTenantAsync("offenbach", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.CountAsync(s => s.UserId == null)));

        // The id stays in this browser only: after a reload the page still knows the subscription.
        await Page.ReloadAsync();
        await Expect(Page.Locator("[data-topic-list]")).ToHaveTextAsync("Geld, Wohnen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abo löschen" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dein Abo ist gelöscht.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Abonnieren" })).ToBeVisibleAsync();
        Assert.Equal(0, await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().PushSubscriptions.CountAsync(s => s.Id == subscription.Id)));
        requests.AssertAllOnOriginOf(site);
    }

    [Fact]
    public async Task Without_javascript_the_page_explains_that_a_subscription_needs_it()
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(App.TenantByHost("gross-gerau"), "themen-abonnieren").ToString());

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Themen abonnieren", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Für ein Abo braucht dein Browser JavaScript und Push-Nachrichten.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abonnieren" })).ToBeHiddenAsync();
        await Expect(page.GetByText("keinen Namen, keine E-Mail-Adresse, kein Konto")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_push_support_the_page_says_so_and_offers_no_form()
    {
        await Context.AddInitScriptAsync("delete window.PushManager;");
        await Page.GotoAsync(new Uri(App.TenantByHost("gross-gerau"), "themen-abonnieren").ToString());

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dieser Browser kann keine Push-Nachrichten empfangen.");
        await Expect(Page.GetByText("Für ein Abo braucht dein Browser JavaScript und Push-Nachrichten.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Abonnieren" })).ToBeHiddenAsync();
    }
}
