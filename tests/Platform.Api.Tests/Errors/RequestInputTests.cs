using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Platform.Api.Tests.Errors;

/// <summary>
/// Text with control characters, bodies with fields left out, lists with nulls and absurd page numbers: every one a
/// 400 naming the field, on every operation, never a 500 and never a silent default.
/// </summary>
public abstract partial class RequestInputTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : InputApp
{
    private const string Nul = "a\u0000b";

    [Fact]
    public async Task Every_json_body_with_a_nul_character_is_a_400_naming_a_field()
    {
        var operations = new ApiOperations(App);
        await operations.SignInAsync();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var operation in ApiOperations.WithJsonBody(App).Where(o => ApiOperations.HasText(o.BodyType)))
        {
            var body = ApiOperations.Sample(operation.BodyType, Nul)!.ToJsonString();
            var (status, answer) = await operations.SendAsync(operation, body);
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                continue;
            }

            checkedCount++;
            if (status != HttpStatusCode.BadRequest || !answer.Contains("Steuerzeichen", StringComparison.Ordinal))
            {
                failures.Add($"{operation}: {(int)status} {Shorten(answer)}");
            }
        }

        Assert.True(checkedCount >= 20, $"only {checkedCount} operations reached");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_json_body_left_empty_is_refused_unless_all_its_fields_are_optional()
    {
        var operations = new ApiOperations(App);
        await operations.SignInAsync();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var operation in ApiOperations.WithJsonBody(App).Where(o => ApiOperations.HasRequiredMember(o.BodyType)))
        {
            var (status, answer) = await operations.SendAsync(operation, "{}");
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                continue;
            }

            checkedCount++;
            if (status != HttpStatusCode.BadRequest || !answer.Contains("\"errors\"", StringComparison.Ordinal))
            {
                failures.Add($"{operation}: {(int)status} {Shorten(answer)}");
            }
        }

        Assert.True(checkedCount >= 20, $"only {checkedCount} operations reached");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Editorial_rules_without_the_rule_are_refused_and_the_four_eyes_rule_stays_on()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "admin@gross-gerau.example");

        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/editorial-rules", token, new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("fourEyesRule", out _), problem.ToString());
        var settings = await GetJsonAsync(client, token, "api/v1/tenant/settings");
        Assert.True(settings.GetProperty("fourEyesRule").GetBoolean());
    }

    [Fact]
    public async Task A_null_postcode_is_a_400_naming_it()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = await SignInAsync(client, "admin@gross-gerau.example");
        var body = System.Text.Json.Nodes.JsonNode.Parse("""{"postcodes":[null,"64521"]}""");

        using var response = await SendAsync(client, HttpMethod.Put, "api/v1/tenant/contact", token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("postcodes[0]", out _), problem.ToString());
    }

    [Theory]
    [InlineData("api/v1/posts?topic=Geld%00")]
    [InlineData("api/v1/posts/search?q=Wohnung%00")]
    [InlineData("api/v1/events/calendar?month=%00")]
    public async Task A_nul_character_in_the_query_is_a_400(string url)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Steuerzeichen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anmelden", "anmelden", "Input.Email", "jana\u0000@gross-gerau.example")]
    [InlineData("kontakt", "kontakt", "Input.Message", "Bitte\u0000 ruft mich an.")]
    public async Task A_nul_character_in_a_form_post_is_a_400_page(string page, string form, string field, string value)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var token = AntiforgeryToken().Match(html).Groups["token"].Value;
        Assert.NotEmpty(token);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "jana@gross-gerau.example",
            ["Input.Password"] = "falsch",
            ["Input.Type"] = "question",
            ["Input.Message"] = "Eine Frage.",
            ["Input.Consent"] = "true",
        };
        fields[field] = value;

        using var request = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Contains("Steuerzeichen", StringComparison.Ordinal), body);
    }

    [Theory]
    [InlineData("api/v1/posts?page=2147483647", null)]
    [InlineData("api/v1/posts/search?q=Geld&page=2147483647", null)]
    [InlineData("api/v1/tenant/audit?page=2147483647", "admin@gross-gerau.example")]
    [InlineData("api/v1/editorial/posts?page=2147483647", "redaktion@gross-gerau.example")]
    public async Task A_page_number_beyond_any_page_is_a_400_naming_page(string url, string? account)
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var token = account is null ? null : await SignInAsync(client, account);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _), problem.ToString());
    }

    [Fact]
    public async Task The_feed_page_with_a_page_number_beyond_any_page_says_so()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        using var request = new HttpRequestMessage(HttpMethod.Get, "?page=2147483647");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Die Seite muss zwischen 1 und 10000 liegen.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class SqliteRequestInputTests(SqliteInputApp app) : RequestInputTests<SqliteInputApp>(app);

public sealed class PostgresRequestInputTests(PostgresInputApp app) : RequestInputTests<PostgresInputApp>(app);
