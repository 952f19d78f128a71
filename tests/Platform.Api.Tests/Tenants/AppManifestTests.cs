using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using NetVips;
using Platform.TestSupport;

namespace Platform.Api.Tests.Tenants;

/// <summary>
/// Each jobcenter's web app is installable: its manifest offers 192 and 512 px PNG icons that decode to exactly
/// that size, drawn from its initials and colour, or from its logo once it has one; each size also as a maskable icon
/// whose content stays inside the safe circle a launcher may cut it to.
/// </summary>
public abstract class AppManifestTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task The_manifest_offers_png_icons_of_192_and_512_pixels_and_each_jobcenter_has_its_own()
    {
        var grossGerau = await IconsAsync(App.CreateTenantClient("gross-gerau"));
        var offenbach = await IconsAsync(App.CreateTenantClient("offenbach"));

        Assert.Equal(AllIcons, grossGerau.Keys.Order());
        Assert.Equal(AllIcons, offenbach.Keys.Order());
        foreach (var icon in AllIcons)
        {
            Assert.NotEqual(grossGerau[icon], offenbach[icon]);
        }

        // Without a logo: the jobcenter's primary colour (Groß-Gerau #00527a) with its initials in the middle.
        using var any = Image.NewFromBuffer(grossGerau[(512, "any")]);
        Assert.Equal(new[] { 0, 82, 122 }, any.Getpoint(5, 5).Select(c => (int)c));
    }

    [Fact]
    public async Task A_maskable_icon_keeps_the_initials_inside_the_safe_circle_and_its_colour_to_every_edge()
    {
        var icons = await IconsAsync(App.CreateTenantClient("gross-gerau"));

        foreach (var size in new[] { 192, 512 })
        {
            using var maskable = Image.NewFromBuffer(icons[(size, "maskable")]);
            AssertOnlyBackgroundOutsideTheSafeCircle(maskable, [0, 82, 122]);

            // The initials are there, and the any-purpose icon, which no launcher cuts, draws them larger.
            using var any = Image.NewFromBuffer(icons[(size, "any")]);
            var maskableInk = Ink(maskable, [0, 82, 122]);
            Assert.True(maskableInk > 0, $"{size}: the maskable icon shows the initials");
            Assert.True(Ink(any, [0, 82, 122]) > maskableInk, $"{size}: the plain icon uses the room it has");
        }
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

        Assert.Equal(AllIcons, after.Keys.Order());
        var grossGerauAfter = await IconsAsync(App.CreateTenantClient("gross-gerau"));
        foreach (var key in AllIcons)
        {
            Assert.NotEqual(before[key], after[key]);
            Assert.Equal(grossGerauBefore[key], grossGerauAfter[key]);
        }

        using var icon = Image.NewFromBuffer(after[(512, "any")]);
        Assert.Equal(new[] { 200, 0, 0 }, icon.Getpoint(256, 256).Select(c => (int)c));
        Assert.Equal(new[] { 255, 255, 255 }, icon.Getpoint(5, 5).Select(c => (int)c));

        // Maskable, the logo sits on white inside the safe circle.
        using var maskable = Image.NewFromBuffer(after[(512, "maskable")]);
        Assert.Equal(new[] { 200, 0, 0 }, maskable.Getpoint(256, 256).Select(c => (int)c));
        AssertOnlyBackgroundOutsideTheSafeCircle(maskable, [255, 255, 255]);
    }

    [Theory]
    [InlineData("app-icon-64.png")]
    [InlineData("app-icon-0.png")]
    [InlineData("app-icon--1.png")]
    [InlineData("app-icon-64-maskable.png")]
    [InlineData("app-icon-192-rund.png")]
    public async Task A_size_the_manifest_does_not_offer_is_not_found(string path)
    {
        using var client = App.CreateTenantClient("gross-gerau");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static readonly (int Size, string Purpose)[] AllIcons = [(192, "any"), (192, "maskable"), (512, "any"), (512, "maskable")];

    /// <summary>
    /// Every pixel outside the circle of radius 40 % around the centre (the part a launcher may cut away) is the
    /// background: nothing of the logo or the initials is lost, and the background reaches every edge.
    /// </summary>
    private static void AssertOnlyBackgroundOutsideTheSafeCircle(Image icon, int[] background)
    {
        var pixels = Pixels(icon);
        var size = icon.Width;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!InsideTheSafeCircle(x, y, size))
                {
                    var at = ((y * size) + x) * 3;
                    Assert.True(
                        Near(pixels, at, background),
                        $"{size} px: ({x},{y}) is {pixels[at]},{pixels[at + 1]},{pixels[at + 2]}, not the background outside the safe circle");
                }
            }
        }
    }

    /// <summary>How many pixels are not the background: the area the initials or the logo cover.</summary>
    private static int Ink(Image icon, int[] background)
    {
        var pixels = Pixels(icon);
        var ink = 0;
        for (var at = 0; at < pixels.Length; at += 3)
        {
            if (!Near(pixels, at, background))
            {
                ink++;
            }
        }

        return ink;
    }

    private static byte[] Pixels(Image icon)
    {
        Assert.Equal(3, icon.Bands);
        return icon.WriteToMemory<byte>();
    }

    private static bool InsideTheSafeCircle(int x, int y, int size)
    {
        var centre = size / 2.0;
        var dx = x + 0.5 - centre;
        var dy = y + 0.5 - centre;
        return (dx * dx) + (dy * dy) <= 0.4 * size * (0.4 * size);
    }

    // Anti-aliasing at the edge of a letter leaves a pixel a few levels off; a letter itself is far off.
    private static bool Near(byte[] pixels, int at, int[] colour) =>
        Math.Abs(pixels[at] - colour[0]) <= 8 && Math.Abs(pixels[at + 1] - colour[1]) <= 8 && Math.Abs(pixels[at + 2] - colour[2]) <= 8;

    /// <summary>
    /// The icons the manifest names by size and purpose, each fetched, checked to be a PNG of the size it claims and
    /// decoded in full; disposes <paramref name="client"/>.
    /// </summary>
    private static async Task<Dictionary<(int Size, string Purpose), byte[]>> IconsAsync(HttpClient client)
    {
        using (client)
        {
            using var manifestResponse = await client.GetAsync(new Uri("manifest.webmanifest", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, manifestResponse.StatusCode);
            var manifest = await ReadJsonAsync(manifestResponse);
            var icons = new Dictionary<(int Size, string Purpose), byte[]>();
            foreach (var entry in manifest.GetProperty("icons").EnumerateArray())
            {
                Assert.Equal("image/png", entry.GetProperty("type").GetString());
                var sizes = entry.GetProperty("sizes").GetString()!.Split('x');
                Assert.Equal(sizes[0], sizes[1]);
                var size = int.Parse(sizes[0], CultureInfo.InvariantCulture);
                var purpose = entry.GetProperty("purpose").GetString()!;

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

                Assert.True(icons.TryAdd((size, purpose), png), $"{size} {purpose} is named once");
            }

            return icons;
        }
    }
}

public sealed class SqliteAppManifestTests(SqliteApp app) : AppManifestTests<SqliteApp>(app);

public sealed class PostgresAppManifestTests(PostgresApp app) : AppManifestTests<PostgresApp>(app);
