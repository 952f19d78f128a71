using System.Collections.Concurrent;
using Microsoft.Playwright;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Platform.Web.Tests.Tools;

/// <summary>
/// Real files for the Bewerbungsmappe, made in the test: a PDF by PdfPig's builder, pictures drawn by the browser's
/// own canvas (a real JPEG and PNG encoder), and an EXIF block written byte by byte.
/// </summary>
internal static class ToolFiles
{
    /// <summary>An A4 PDF whose pages say "Lebenslauf Seite 1", "Lebenslauf Seite 2" ….</summary>
    public static byte[] Pdf(int pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText($"Lebenslauf Seite {i}", 14, new PdfPoint(72, 720), font);
        }

        return builder.Build();
    }

    /// <summary>A picture of <paramref name="width"/> × <paramref name="height"/> pixels (a coloured half, a grey half, stripes) encoded by Chromium.</summary>
    public static async Task<byte[]> PictureAsync(IPage page, int width, int height, string type, bool noise = false)
    {
        var dataUrl = await page.EvaluateAsync<string>(
            """
            ([width, height, type, noise]) => {
              const canvas = document.createElement('canvas');
              canvas.width = width; canvas.height = height;
              const c = canvas.getContext('2d');
              if (noise) {
                const image = c.createImageData(width, height);
                let seed = 42;
                for (let i = 0; i < image.data.length; i++) {
                  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
                  image.data[i] = i % 4 === 3 ? 255 : seed & 255;
                }
                c.putImageData(image, 0, 0);
              } else {
                c.fillStyle = '#c0392b'; c.fillRect(0, 0, width / 2, height);
                c.fillStyle = '#7f8c8d'; c.fillRect(width / 2, 0, width / 2, height);
                c.fillStyle = '#1a1a1a';
                for (let y = 10; y < height; y += 40) c.fillRect(10, y, width - 20, 8);
              }
              return canvas.toDataURL(type, 0.95);
            }
            """,
            new object[] { width, height, type, noise });
        return Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);
    }

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF APP1 segment right after its start marker, whose one IFD0 entry is the
    /// orientation (tag 0x0112, SHORT): 6 means "turn 90° clockwise to show", as phones write for portrait photos.
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG");
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD0 at offset 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        byte[] exif = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0x00, 0x00, .. tiff];
        var length = exif.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}

/// <summary>Every request a context makes, with its method and body, to prove that no document or media left the page.</summary>
internal sealed class BodyRecorder
{
    private readonly ConcurrentQueue<(string Method, string Url, int BodyLength)> _requests = new();

    public BodyRecorder(IBrowserContext context) =>
        context.Request += (_, request) => _requests.Enqueue((request.Method, request.Url, request.PostDataBuffer?.Length ?? 0));

    public IReadOnlyList<(string Method, string Url, int BodyLength)> Requests => [.. _requests];

    /// <summary>
    /// Only reads (GET/HEAD) without a body, short addresses on <paramref name="site"/>'s origin (or the page's own
    /// blob: download), and at least one request.
    /// </summary>
    public void AssertNothingSent(Uri site)
    {
        var requests = Requests;
        Assert.NotEmpty(requests);
        var origin = site.GetLeftPart(UriPartial.Authority);
        var offending = requests
            .Where(r => r.BodyLength > 0
                || r.Method is not ("GET" or "HEAD")
                || r.Url.Length > 1000
                || !(r.Url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase) || r.Url.StartsWith("blob:" + origin + "/", StringComparison.OrdinalIgnoreCase)))
            .Select(r => $"{r.Method} {r.Url[..Math.Min(r.Url.Length, 200)]} ({r.BodyLength} bytes)")
            .ToList();
        Assert.Empty(offending);
    }
}
