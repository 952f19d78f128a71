using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NetVips;
using Platform.Domain.Tenants;
using Platform.TestSupport;
using static Platform.Api.Tests.Posts.EditorialApi;

namespace Platform.Api.Tests.Posts;

/// <summary>
/// Every uploaded image (post cover, library cover, logo) is decoded completely before it is accepted, and what is
/// stored is the platform's own encoding: files that only look like images at the header are a 400 naming the field.
/// </summary>
public abstract class ImageUploadTests<TApp>(TApp app) : ApiTestBase<TApp>(app)
    where TApp : PlatformApp
{
    [Fact]
    public async Task Damaged_cover_images_are_a_400_naming_coverImage_when_creating_and_editing_posts()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");
        var existing = await CreateAsync(client, editor, "Beitrag mit Bild");

        foreach (var (name, bytes) in CraftedImages.Damaged)
        {
            using (var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, WithCover("Kaputtes Bild", bytes)))
            {
                await AssertRefusedAsync(created, "coverImage", name);
            }

            using var edited = await SendAsync(client, HttpMethod.Put, $"{PostsUrl}/{existing}", editor, new
            {
                baseVersion = 1,
                title = "Beitrag mit Bild",
                summary = "Kurz erklärt",
                bodyMarkdown = "Text.",
                topics = new[] { "Jobsuche" },
                coverImage = bytes,
                coverImageAlt = "Ein Bild",
            });
            await AssertRefusedAsync(edited, "coverImage", name);
        }

        var post = await GetJsonAsync(client, editor, $"{PostsUrl}/{existing}");
        Assert.False(post.GetProperty("content").GetProperty("hasCoverImage").GetBoolean(), post.ToString());
    }

    [Fact]
    public async Task Damaged_cover_images_are_a_400_naming_coverImage_in_the_library()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var network = await SignInWithSecondFactorAsync(App, client, "gross-gerau", "netzwerk@gross-gerau.example");

        foreach (var (name, bytes) in CraftedImages.Damaged)
        {
            using var created = await SendAsync(client, HttpMethod.Post, "api/v1/library", network, WithCover("Infotag", bytes));
            await AssertRefusedAsync(created, "coverImage", name);
        }
    }

    [Fact]
    public async Task Damaged_logos_are_a_400_naming_logo_and_no_logo_is_stored()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var admin = await SignInAsync(client, "admin@gross-gerau.example");

        foreach (var (name, bytes) in CraftedImages.Damaged)
        {
            using var response = await UploadLogoAsync(client, admin, bytes);
            await AssertRefusedAsync(response, "logo", name);
        }

        using var logo = await client.GetAsync(new Uri("logo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, logo.StatusCode);
    }

    [Fact]
    public async Task A_valid_cover_and_logo_are_stored_as_the_platform_encoded_them_and_decode()
    {
        using var client = App.CreateTenantClient("gross-gerau");
        var editor = await SignInAsync(client, "redaktion@gross-gerau.example");

        // A JPEG from a phone: turned by its EXIF orientation (6: rotate 90°); the platform drops the EXIF block.
        var photo = CraftedImages.Jpeg(60, 30, orientation: 6);
        using (var sent = Image.NewFromBuffer(photo))
        {
            Assert.True(sent.Contains("exif-data"));
        }

        using var created = await SendAsync(client, HttpMethod.Post, PostsUrl, editor, WithCover("Foto", photo));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ReadJsonAsync(created)).GetProperty("id").GetGuid();

        using var cover = await SendAsync(client, HttpMethod.Get, $"{PostsUrl}/{id}/cover", editor);
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        Assert.Equal("image/jpeg", cover.Content.Headers.ContentType?.MediaType);
        var stored = await cover.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(photo, stored);
        using (var decoded = Image.JpegloadBuffer(stored, failOn: Enums.FailOn.Error))
        {
            using var pixels = decoded.Copy();
            Assert.Equal(30, pixels.Width);
            Assert.Equal(60, pixels.Height);
            Assert.False(decoded.Contains("exif-data"), "the camera's EXIF block is not kept");
        }

        var admin = await SignInAsync(client, "admin@gross-gerau.example");
        var png = CraftedImages.Png(48, 32);
        using (var uploaded = await UploadLogoAsync(client, admin, png))
        {
            Assert.Equal(HttpStatusCode.NoContent, uploaded.StatusCode);
        }

        using var logo = await client.GetAsync(new Uri("logo", UriKind.Relative));
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        CraftedImages.AssertSamePixels(png, await logo.Content.ReadAsByteArrayAsync());
    }

    private static object WithCover(string title, byte[] cover) => new
    {
        title,
        summary = "Mit Titelbild",
        bodyMarkdown = "Text.",
        topics = new[] { "Ausbildung" },
        coverImage = cover,
        coverImageAlt = "Ein Bild",
    };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string name)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{name}: {body}");
    }

    private static async Task<HttpResponseMessage> UploadLogoAsync(HttpClient client, string token, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "logo", "logo.png");
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/tenant/logo") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}

/// <summary>Image files built byte by byte: valid ones, and damaged ones that still pass a check of signature and header.</summary>
internal static class CraftedImages
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Each damaged file passes <see cref="ImageSniffer"/> (checked here), so only a decoder can tell.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Damaged { get; } = Checked(
    [
        ("a valid PNG with a wrong IHDR checksum", WrongIhdrChecksum()),
        ("a truncated PNG", TruncatedPng()),
        ("a PNG whose header claims 4096 × 4096 over 1 × 1 of data", HeaderLiesAboutSize()),
        ("an HTML file behind a PNG signature", HtmlBehindPngSignature()),
        ("a truncated JPEG", TruncatedJpeg()),
    ]);

    public static byte[] Png(int width, int height)
    {
        using var image = Gradient(width, height);
        return image.PngsaveBuffer();
    }

    public static byte[] Jpeg(int width, int height, int orientation = 1)
    {
        using var image = Gradient(width, height);
        using var oriented = image.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        return oriented.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    public static void AssertSamePixels(byte[] expected, byte[] actual)
    {
        using var a = Image.NewFromBuffer(expected, failOn: Enums.FailOn.Error);
        using var b = Image.NewFromBuffer(actual, failOn: Enums.FailOn.Error);
        Assert.Equal((a.Width, a.Height, a.Bands), (b.Width, b.Height, b.Bands));
        using var difference = (a - b).Abs();
        Assert.Equal(0, difference.Max());
    }

    private static Image Gradient(int width, int height)
    {
        // Some structure in every row, so that a truncated file really lacks data.
        using var xyz = Image.Xyz(width, height);
        using var x = xyz.ExtractBand(0);
        using var y = xyz.ExtractBand(1);
        using var red = x.Linear([255.0 / width], [0.0]);
        using var green = y.Linear([255.0 / height], [0.0]);
        using var product = x * y;
        using var blue = product.RemainderConst([256.0]);
        using var rgb = red.Bandjoin(green, blue);
        return rgb.Cast(Enums.BandFormat.Uchar);
    }

    private static byte[] WrongIhdrChecksum()
    {
        var png = Png(32, 32);
        png[8 + 8 + 13] ^= 0xFF; // first byte of the IHDR chunk's CRC
        return png;
    }

    private static byte[] TruncatedPng()
    {
        var png = Png(128, 128);
        return [.. png[..(png.Length / 2)], .. Chunk("IEND", [])];
    }

    private static byte[] HeaderLiesAboutSize()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            zlib.Write([0, 0, 0, 0, 0]); // one row of one RGBA pixel: filter byte and four samples
        }

        return [.. PngSignature, .. Ihdr(4096, 4096), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] HtmlBehindPngSignature()
    {
        var html = Encoding.ASCII.GetBytes("<html><script>alert(1)</script>");
        return [.. PngSignature, .. Ihdr(1, 1), .. html, .. Chunk("IEND", [])];
    }

    private static byte[] TruncatedJpeg()
    {
        var jpeg = Jpeg(128, 128);
        return [.. jpeg[..(jpeg.Length / 2)], 0xFF, 0xD9];
    }

    private static byte[] Ihdr(int width, int height)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(data, width);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4), height);
        data[8] = 8; // bit depth
        data[9] = 6; // RGBA
        return Chunk("IHDR", data);
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typeAndData));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static IReadOnlyList<(string Name, byte[] Bytes)> Checked(IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        foreach (var (name, bytes) in files)
        {
            Assert.True(ImageSniffer.Detect(bytes) is not null, $"{name} must pass the header check, or the test proves nothing");
        }

        return files;
    }
}

public sealed class SqliteImageUploadTests(SqliteApp app) : ImageUploadTests<SqliteApp>(app);

public sealed class PostgresImageUploadTests(PostgresApp app) : ImageUploadTests<PostgresApp>(app);
