using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Reminders;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Reminders;
using Platform.Infrastructure.Jobs;
using Platform.TestSupport;

namespace Platform.Api.Tests.ContactRequests;

/// <summary>
/// Callback slots (issue 16): the hours staff set, the slots young people see and book, the race for the last places,
/// the mail with its .ics, the signed cancel link, the reminder through the outbox, staff outcomes, retention and
/// tenant isolation, on SQLite and PostgreSQL. The platform's clock is a fake one that stands still.
/// </summary>
public abstract partial class CallbackSlotTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    private const string Hours = "api/v1/tenant/callback-hours";
    private const string Slots = "api/v1/callback-slots";
    private const string Bookings = "api/v1/callback-slots/bookings";

    private DateTime Now => App.Clock!.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Staff_set_the_hours_and_the_public_slots_follow_them()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        await SetHoursAsync(client, admin, capacity: 2, closedDays: [DateOnly.FromDateTime(Now.AddDays(3))]);

        var hours = await GetJsonAsync(client, admin, Hours);
        Assert.Equal(15, hours.GetProperty("slotMinutes").GetInt32());
        Assert.Equal(14, hours.GetProperty("ranges").GetArrayLength());
        Assert.Contains(hours.GetProperty("holidays").EnumerateArray(), d => d.GetString()!.EndsWith("-12-25", StringComparison.Ordinal));

        var slots = (await GetJsonAsync(client, Slots)).GetProperty("slots").EnumerateArray().ToList();
        Assert.NotEmpty(slots);
        var closed = DateOnly.FromDateTime(Now.AddDays(3));
        foreach (var slot in slots)
        {
            var start = slot.GetProperty("start").GetDateTime().ToUniversalTime();
            var local = BerlinTime.ToLocal(start);
            Assert.InRange(start, Now.AddHours(2), Now.AddDays(14));
            Assert.Equal(0, local.Minute % 15);
            Assert.InRange(local.Hour, 8, 17);
            Assert.Equal(2, slot.GetProperty("free").GetInt32());
            Assert.False(HesseHolidays.IsHoliday(DateOnly.FromDateTime(local)));
            Assert.NotEqual(closed, DateOnly.FromDateTime(local));
        }

        // Another jobcenter has no hours, so no slots.
        using var other = App.CreateTenantClient("offenbach");
        Assert.Equal(0, (await GetJsonAsync(other, Slots)).GetProperty("slots").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"slotMinutes":15,"capacity":1,"ranges":[{"day":1,"start":"09:00","end":"12:00"},{"day":1,"start":"11:00","end":"13:00"}]}""", "ranges[1]")]
    [InlineData("""{"slotMinutes":15,"capacity":1,"ranges":[{"day":4,"start":"14:00","end":"13:00"}]}""", "ranges[0].end")]
    [InlineData("""{"slotMinutes":4,"capacity":1,"ranges":[]}""", "slotMinutes")]
    [InlineData("""{"slotMinutes":121,"capacity":1,"ranges":[]}""", "slotMinutes")]
    [InlineData("""{"slotMinutes":15,"capacity":0,"ranges":[]}""", "capacity")]
    [InlineData("""{"slotMinutes":15,"capacity":21,"ranges":[]}""", "capacity")]
    [InlineData("""{"slotMinutes":15,"capacity":1,"ranges":[{"day":8,"start":"09:00","end":"10:00"}]}""", "ranges[0].day")]
    public async Task Invalid_hours_are_a_400_naming_the_field(string body, string field)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        using var request = new HttpRequestMessage(HttpMethod.Put, Hours) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", admin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadJsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task The_hours_are_for_tenant_admins_and_the_callbacks_for_the_inbox_staff()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var young = await SignInAsync(client, "jana@gross-gerau.example");

        using var editorHours = await SendAsync(client, HttpMethod.Get, Hours, editor);
        using var editorCallbacks = await SendAsync(client, HttpMethod.Get, "api/v1/tenant/callbacks", editor);
        using var youngCallbacks = await SendAsync(client, HttpMethod.Get, "api/v1/tenant/callbacks", young);
        using var anonymous = await client.GetAsync(new Uri(Hours, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, editorHours.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editorCallbacks.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, youngCallbacks.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("phone", "abc", "Mo", true)]
    [InlineData("phone", "", "Mo", true)]
    [InlineData("phone", "12", "Mo", true)]
    [InlineData("name", "0151 1234567", "", true)]
    [InlineData("consent", "0151 1234567", "Mo", false)]
    public async Task Bad_booking_input_is_a_400_naming_the_field(string field, string phone, string name, bool consent)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client);

        using var response = await client.PostAsJsonAsync(Bookings, new { start, name, phone, consent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_slot_in_the_past_misaligned_outside_the_hours_or_full_is_a_409_with_the_reason()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client, capacity: 1);

        var past = await BookAsync(client, Now.AddDays(-1));
        var misaligned = await BookAsync(client, start.AddMinutes(7));
        var night = await BookAsync(client, BerlinTime.ToUtc(BerlinTime.ToLocal(start).Date.AddDays(1).AddHours(3)));
        var first = await BookAsync(client, start);
        var full = await BookAsync(client, start);

        Assert.Equal(HttpStatusCode.Conflict, past.Status);
        Assert.Contains("Vergangenheit", past.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, misaligned.Status);
        Assert.Contains("keine Rückrufe", misaligned.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, night.Status);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, full.Status);
        Assert.Contains("voll", full.Body, StringComparison.Ordinal);
        Assert.DoesNotContain((await GetJsonAsync(client, Slots)).GetProperty("slots").EnumerateArray(), s => s.GetProperty("start").GetDateTime().ToUniversalTime() == start);
    }

    [Fact]
    public async Task Twenty_bookings_at_once_for_three_places_give_exactly_three()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client, capacity: 3);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => BookAsync(client, start, name: $"Person {i}", phone: $"0151 100{i:00}")));

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.Equal(17, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        var places = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().CallbackBookings
            .Where(b => b.SlotStart == start).Select(b => b.Place).ToListAsync());
        Assert.Equal([1, 2, 3], places.Order());
    }

    [Fact]
    public async Task The_booking_is_mailed_with_an_ics_and_the_cancel_link_in_it_frees_the_place()
    {
        using var client = App.CreateTenantClient("offenbach");
        var start = await FirstSlotAsync(client, slug: "offenbach", capacity: 1);
        var booked = await BookAsync(client, start, email: "kim@example.org");
        Assert.Equal(HttpStatusCode.Created, booked.Status);
        Assert.True(booked.Json.GetProperty("confirmationMailed").GetBoolean());

        var mail = await App.Mail.WaitForMessageToAsync("kim@example.org");
        Assert.Equal("Dein Rückruf ist gebucht", mail.Subject);
        Assert.Contains("Offenbach", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim", mail.Text, StringComparison.Ordinal);
        var ics = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        Assert.Equal("rueckruf.ics", ics.FileName);
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Encoding.UTF8.GetString(content.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("BEGIN:VCALENDAR", calendar, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", calendar, StringComparison.Ordinal);
        Assert.Contains($"UID:{booked.Json.GetProperty("id").GetGuid():D}@offenbach.rueckruf", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART:" + start.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), calendar, StringComparison.Ordinal);
        Assert.Contains("DTEND:" + start.AddMinutes(15).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), calendar, StringComparison.Ordinal);
        Assert.Matches("SUMMARY:Rückruf von .*Offenbach", calendar);

        // The link in the mail: the page asks first, its form cancels.
        var link = new Uri(CancelLink().Match(mail.Text).Value);
        var page = await client.GetStringAsync(new Uri(link.PathAndQuery.TrimStart('/'), UriKind.Relative));
        Assert.Contains("Ja, absagen", page, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "absagen",
            ["__RequestVerificationToken"] = Token().Match(page).Groups["token"].Value,
        });
        using var cancelled = await client.PostAsync(new Uri(link.PathAndQuery.TrimStart('/'), UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("Dein Rückruf ist abgesagt", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains((await GetJsonAsync(client, Slots)).GetProperty("slots").EnumerateArray(), s => s.GetProperty("start").GetDateTime().ToUniversalTime() == start);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, start)).Status);
    }

    [Fact]
    public async Task The_reminder_goes_out_an_hour_before_through_the_outbox_but_not_for_a_cancelled_booking()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client, capacity: 2);
        var kept = await BookAsync(client, start, email: "ali@example.org");
        var dropped = await BookAsync(client, start, email: "bo@example.org");
        await App.Mail.WaitForMessageToAsync("ali@example.org");
        await App.Mail.WaitForMessageToAsync("bo@example.org");
        var token = CancelToken(dropped.Json);
        using var cancel = await client.PostAsJsonAsync("api/v1/callback-slots/bookings/cancellation", new { token });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var due = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.CallbackBookingId != null).Select(d => new { d.CallbackBookingId, d.DueAt, d.Status }).ToListAsync());
        var keptId = kept.Json.GetProperty("id").GetGuid();
        Assert.Equal(start.AddHours(-1), due.Single(d => d.CallbackBookingId == keptId).DueAt);
        await Outbox.MakeDueAsync(App, "gross-gerau", Now);
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);

        var reminder = await App.Mail.WaitForMessageToAsync("ali@example.org", count: 2);
        Assert.Equal($"Erinnerung: Rückruf um {BerlinTime.ToLocal(start):HH:mm} Uhr", reminder.Subject);
        Assert.Contains("/rueckruf/absagen?token=", reminder.Text, StringComparison.Ordinal);
        Assert.Single(App.Mail.To("bo@example.org"));
        var statuses = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.CallbackBookingId != null).ToDictionaryAsync(d => d.CallbackBookingId!.Value, d => d.Status));
        Assert.Equal(DeliveryStatus.Sent, statuses[keptId]);
        Assert.Equal(DeliveryStatus.Skipped, statuses[dropped.Json.GetProperty("id").GetGuid()]);
    }

    [Fact]
    public async Task Staff_see_the_booking_and_record_the_outcome_and_the_alert_names_nobody()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client);
        var booked = await BookAsync(client, start, name: "Sami", phone: "0151 7654321");
        var id = booked.Json.GetProperty("id").GetGuid();
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");

        var item = (await GetJsonAsync(client, editor, "api/v1/tenant/callbacks")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("Sami", item.GetProperty("name").GetString());
        Assert.Equal("0151 7654321", item.GetProperty("phone").GetString());
        Assert.Equal("open", item.GetProperty("outcome").GetString());

        using var wrong = await SendAsync(client, HttpMethod.Post, $"api/v1/tenant/callbacks/{id}/outcome", editor, new { outcome = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var reached = await SendAsync(client, HttpMethod.Post, $"api/v1/tenant/callbacks/{id}/outcome", editor, new { outcome = "not-reached" });
        Assert.Equal(HttpStatusCode.NoContent, reached.StatusCode);
        item = (await GetJsonAsync(client, editor, "api/v1/tenant/callbacks")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("not-reached", item.GetProperty("outcome").GetString());

        await Outbox.MakeDueAsync(App, "gross-gerau", Now);
        await App.Services.GetRequiredService<DeliverNotificationsJob>().DeliverDueAsync(CancellationToken.None);
        var alerts = (await GetJsonAsync(client, editor, "api/v1/notifications")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("title").GetString() == "Neuer Rückruftermin gebucht").ToList();
        var alert = Assert.Single(alerts);
        Assert.DoesNotContain("Sami", alert.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("7654321", alert.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_jobcenter_can_neither_see_nor_cancel_nor_mark_the_bookings()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client);
        var booked = await BookAsync(client, start);
        var id = booked.Json.GetProperty("id").GetGuid();

        using var other = App.CreateTenantClient("offenbach");
        var otherAdmin = await SignInAsync(other, "admin@offenbach.example");
        Assert.DoesNotContain((await GetJsonAsync(other, otherAdmin, "api/v1/tenant/callbacks")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        using var mark = await SendAsync(other, HttpMethod.Post, $"api/v1/tenant/callbacks/{id}/outcome", otherAdmin, new { outcome = "reached" });
        Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        var token = CancelToken(booked.Json);
        using var cancel = await other.PostAsJsonAsync("api/v1/callback-slots/bookings/cancellation", new { token });
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        using var look = await other.GetAsync(new Uri("api/v1/callback-slots/bookings/cancellation?token=" + Uri.EscapeDataString(token), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);

        var place = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().CallbackBookings.Where(b => b.Id == id).Select(b => b.Place).SingleAsync());
        Assert.Equal(1, place);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_the_callbacks_booked_with_its_address_and_their_reminders()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client);
        var booked = await BookAsync(client, start, email: "JANA@gross-gerau.example");
        var id = booked.Json.GetProperty("id").GetGuid();
        var jana = await SignInAsync(client, "jana@gross-gerau.example");

        using var deleted = await SendAsync(client, HttpMethod.Post, "api/v1/me/deletion", jana, new { password = Platform.Infrastructure.Persistence.DatabaseInitializer.DemoPassword });

        Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
        Assert.False(await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().CallbackBookings.AnyAsync(b => b.Id == id)));
        Assert.False(await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries.AnyAsync(d => d.CallbackBookingId == id)));
    }

    [Fact]
    public async Task Retention_deletes_bookings_the_retention_period_after_their_slot_with_their_reminders()
    {
        var (old, recent) = await App.InTenantAsync("gross-gerau", async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var tenantId = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            var hours = CallbackHours.Create(tenantId, Now);
            hours.Change([.. Enum.GetValues<DayOfWeek>().Select(d => new CallbackRange(d, new(0, 0), new(23, 45)))], 15, 1, [], Now);
            db.CallbackHours.Add(hours);
            CallbackBooking BookedAt(DateTime then) =>
                CallbackBooking.Book(hours, hours.SlotsBetween(then.AddHours(3), then.AddDays(5))[0], 1, "Mo", "0151 1234567", "mo@example.org", true, then);
            var old = BookedAt(Now.AddDays(-ContactRequest.DefaultRetentionDays - 5));
            var recent = BookedAt(Now.AddDays(-ContactRequest.DefaultRetentionDays + 5));
            db.CallbackBookings.AddRange(old, recent);
            db.ReminderDeliveries.Add(ReminderDelivery.ForCallback(tenantId, old.Id, old.SlotStart.AddHours(-1), "Erinnerung", "Text", "de"));
            await db.SaveChangesAsync();
            return (old.Id, recent.Id);
        });

        await App.Services.GetRequiredService<DeleteExpiredContactRequestsJob>().RunAsync(CancellationToken.None);

        var left = await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().CallbackBookings.Select(b => b.Id).ToListAsync());
        Assert.Equal([recent], left);
        Assert.False(await App.InTenantAsync("gross-gerau", sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries.AnyAsync(d => d.CallbackBookingId == old)));
    }

    [Fact]
    public async Task The_slot_picker_the_confirmation_the_cancel_page_and_the_staff_pages_are_valid_html()
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        using var client = App.CreateTenantClient("gross-gerau");
        var start = await FirstSlotAsync(client, capacity: 2);
        var picker = await PageAsync(client, "kontakt");
        Assert.Contains("Rückruf zu einer festen Zeit", picker, StringComparison.Ordinal);
        pages["/kontakt with slots"] = picker;
        pages["/kontakt in Arabic"] = await PageAsync(client, "kontakt?culture=ar");

        // The form of the page, as a browser without script sends it.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "rueckruf",
            ["__RequestVerificationToken"] = Token().Match(picker).Groups["token"].Value,
            ["Input.Start"] = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Input.Name"] = "Mo",
            ["Input.Phone"] = "0151 1234567",
            ["Input.Consent"] = "true",
        });
        using var booked = await client.PostAsync(new Uri("kontakt", UriKind.Relative), form);
        var confirmation = await booked.Content.ReadAsStringAsync();
        Assert.Contains("Dein Rückruf ist gebucht", confirmation, StringComparison.Ordinal);
        Assert.Contains($"um {BerlinTime.ToLocal(start):HH:mm} Uhr", confirmation, StringComparison.Ordinal);
        pages["/kontakt after booking"] = confirmation;
        var cancel = new Uri(CancelPath().Match(confirmation).Value.Replace("&amp;", "&", StringComparison.Ordinal), UriKind.Absolute);
        pages["/rueckruf/absagen"] = await PageAsync(client, cancel.PathAndQuery.TrimStart('/'));
        pages["/rueckruf/absagen with a forged token"] = await PageAsync(client, "rueckruf/absagen?token=abc");

        using var staff = App.CreateTenantClient("gross-gerau");
        using (var login = await staff.PostAsJsonAsync("api/v1/auth/login?useCookies=true", new { email = "admin@gross-gerau.example", password = Platform.Infrastructure.Persistence.DatabaseInitializer.DemoPassword }))
        {
            Assert.True(login.IsSuccessStatusCode);
        }

        var inbox = await PageAsync(staff, "verwaltung/anfragen");
        Assert.Contains("Gebuchte Rückrufe", inbox, StringComparison.Ordinal);
        Assert.Contains("0151 1234567", inbox, StringComparison.Ordinal);
        pages["/verwaltung/anfragen with a callback"] = inbox;
        pages["/verwaltung/rueckrufzeiten"] = await PageAsync(staff, "verwaltung/rueckrufzeiten");
        Assert.Contains("verwaltung/rueckrufzeiten", await PageAsync(staff, "verwaltung"), StringComparison.Ordinal);

        var errors = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors:\n{string.Join('\n', errors)}");
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task SetHoursAsync(HttpClient client, string admin, int capacity, IReadOnlyList<DateOnly>? closedDays = null)
    {
        var ranges = Enumerable.Range(1, 7).SelectMany(d => new[] { new { day = d, start = "08:00", end = "12:00" }, new { day = d, start = "13:00", end = "18:00" } });
        using var response = await SendAsync(client, HttpMethod.Put, Hours, admin, new { slotMinutes = 15, capacity, ranges, closedDays = closedDays ?? [] });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<DateTime> FirstSlotAsync(HttpClient client, string slug = "gross-gerau", int capacity = 1)
    {
        using var staff = App.CreateTenantClient(slug);
        await SetHoursAsync(staff, await SignInAsync(staff, $"admin@{slug}.example"), capacity);
        var slots = (await GetJsonAsync(client, Slots)).GetProperty("slots");
        return slots.EnumerateArray().First().GetProperty("start").GetDateTime().ToUniversalTime();
    }

    private static async Task<(HttpStatusCode Status, string Body, JsonElement Json)> BookAsync(
        HttpClient client, DateTime start, string name = "Kim", string phone = "0151 1234567", string? email = null)
    {
        using var response = await client.PostAsJsonAsync(Bookings, new { start, name, phone, email, consent = true });
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default);
    }

    private static string CancelToken(JsonElement receipt) =>
        Uri.UnescapeDataString(new Uri(receipt.GetProperty("cancelUrl").GetString()!).Query.Split("token=")[1]);

    [GeneratedRegex(@"https?://[^\s""]+/rueckruf/absagen\?token=[^\s""]+")]
    private static partial Regex CancelPath();

    [GeneratedRegex(@"https?://\S+/rueckruf/absagen\?token=\S+")]
    private static partial Regex CancelLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqliteCallbackSlotTests(SqliteFakeClockApp app) : CallbackSlotTests<SqliteFakeClockApp>(app);

public sealed class PostgresCallbackSlotTests(PostgresFakeClockApp app) : CallbackSlotTests<PostgresFakeClockApp>(app);
