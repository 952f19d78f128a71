using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using NetVips;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

/// <summary>
/// Each jobcenter's web app is installable: its manifest offers 192 and 512 px PNG icons that decode to exactly
/// that size, drawn from its initials and colour, or from its logo once it has one.
/// </summary>
public abstract class AppManifestTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task The_manifest_offers_png_icons_of_192_and_512_pixels_and_each_jobcenter_has_its_own()
    {
        var grossGerau = await IconsAsync(App.CreateTenantClient("gross-gerau"));
        var offenbach = await IconsAsync(App.CreateTenantClient("offenbach"));

        Assert.Equal(new[] { 192, 512 }, grossGerau.Keys.Order());
        Assert.Equal(new[] { 192, 512 }, offenbach.Keys.Order());
        Assert.NotEqual(grossGerau[192], offenbach[192]);
        Assert.NotEqual(grossGerau[512], offenbach[512]);

        // Without a logo: the jobcenter's primary colour (Groß-Gerau #00527a) with its initials in the middle.
        using var icon = Image.NewFromBuffer(grossGerau[512]);
        Assert.Equal(new[] { 0, 82, 122 }, icon.Getpoint(5, 5).Select(c => (int)c));
    }

    [Fact]
    public async Task An_uploaded_logo_becomes_the_icon_of_that_jobcenter_only()
    {
        using var client = App.CreateTenantClient("offenbach");
        var before = await IconsAsync(App.CreateTenantClient("offenbach"));
        var grossGerauBefore = await IconsAsync(App.CreateTenantClient("gross-gerau"));
        var admin = await SignInAsync(client, "admin@offenbach.example");
        using (var black = Image.Black(300, 100, bands: 3))
        using (var lit = black.Linear([1, 1, 1], [200, 0, 0]))
        using (var red = lit.Cast(Enums.BandFormat.Uchar))
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(red.PngsaveBuffer());
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "logo", "logo.png");
            using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/tenant/logo") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var upload = await client.SendAsync(request);
            Assert.True(upload.IsSuccessStatusCode, $"logo: {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
        }

        var after = await IconsAsync(App.CreateTenantClient("offenbach"));

        Assert.Equal(new[] { 192, 512 }, after.Keys.Order());
        Assert.NotEqual(before[512], after[512]);
        using var icon = Image.NewFromBuffer(after[512]);
        Assert.Equal(new[] { 200, 0, 0 }, icon.Getpoint(256, 256).Select(c => (int)c));
        Assert.Equal(new[] { 255, 255, 255 }, icon.Getpoint(5, 5).Select(c => (int)c));
        Assert.Equal(grossGerauBefore[512], (await IconsAsync(App.CreateTenantClient("gross-gerau")))[512]);
    }

    [Theory]
    [InlineData("app-icon-64.png")]
    [InlineData("app-icon-0.png")]
    [InlineData("app-icon--1.png")]
    public async Task A_size_the_manifest_does_not_offer_is_not_found(string path)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Reads the manifest, follows every icon and checks it is a PNG of the size it claims.</summary>
    /// <summary>The icons the manifest names, each decoded in full; disposes <paramref name="client"/>.</summary>
    private static async Task<Dictionary<int, byte[]>> IconsAsync(HttpClient client)
    {
        using (client)
        {
            using var manifestResponse = await client.GetAsync(new Uri("manifest.webmanifest", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, manifestResponse.StatusCode);
            var manifest = await ReadJsonAsync(manifestResponse);
            var icons = new Dictionary<int, byte[]>();
            foreach (var entry in manifest.GetProperty("icons").EnumerateArray())
            {
                Assert.Equal("image/png", entry.GetProperty("type").GetString());
                var sizes = entry.GetProperty("sizes").GetString()!.Split('x');
                Assert.Equal(sizes[0], sizes[1]);
                var size = int.Parse(sizes[0], CultureInfo.InvariantCulture);
                Assert.Contains("any", entry.GetProperty("purpose").GetString()!.Split(' '));

                var src = new Uri(manifestResponse.RequestMessage!.RequestUri!, entry.GetProperty("src").GetString());
                using var iconResponse = await client.GetAsync(src);
                Assert.Equal(HttpStatusCode.OK, iconResponse.StatusCode);
                Assert.Equal("image/png", iconResponse.Content.Headers.ContentType?.MediaType);
                var png = await iconResponse.Content.ReadAsByteArrayAsync();
                using (var decoded = Image.NewFromBuffer(png, failOn: Enums.FailOn.Error))
                {
                    Assert.Equal("pngload_buffer", decoded.Get("vips-loader"));
                    Assert.Equal((size, size), (decoded.Width, decoded.Height));

                    // Decodes every pixel, not only the header.
                    Assert.True(decoded.Avg() >= 0);
                }

                icons[size] = png;
            }

            return icons;
        }
    }
}

public sealed class SqliteAppManifestTests(SqliteApp app) : AppManifestTests<SqliteApp>(app);

public sealed class PostgresAppManifestTests(PostgresApp app) : AppManifestTests<PostgresApp>(app);
