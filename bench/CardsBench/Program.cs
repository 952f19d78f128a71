using System.Diagnostics;
using System.Globalization;
using NetVips;
using Platform.Application.Posts;
using Platform.Infrastructure.Images;

// Usage: CardsBench [rounds] [samples-folder]. Prints one Markdown table row per size and writes sample PNGs when a
// folder is given. Every measurement alternates between the three kinds in each round, so that the machine's noise
// (it is shared) falls on all of them alike.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var samples = args.Length > 1 ? args[1] : null;
const string Title = "Weiterbewilligungsantrag: rechtzeitig stellen, damit das Bürgergeld weiterläuft";

// The reference: a 2400 × 1600 JPEG (a smooth two-colour gradient, as an illustration compresses) thumbnailed to the card's size.
byte[] source;
using (var xyz = Image.Xyz(2400, 1600))
using (var x = xyz.ExtractBand(0).Linear([255.0 / 2400], [0.0]))
using (var y = xyz.ExtractBand(1).Linear([255.0 / 1600], [0.0]))
using (var rgb = x.Bandjoin(y, x).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb))
{
    source = rgb.JpegsaveBuffer(q: 85);
}

using var renderer = new VipsPostCardRenderer();
var rows = new List<string>();
foreach (var size in PostCards.Sizes)
{
    var (width, height) = PostCards.Dimensions(size);
    var spec = new PostCardSpec(width, height, PostCardStyle.Title, "Geld · Wohnen", Title, "Kommunales Jobcenter Groß-Gerau", "GG", "#00527a", "#ffffff", "#b45309");
    var cachedKey = $"bench:cached:{PostCards.Name(size)}";
    await renderer.RenderAsync(cachedKey, spec, NoLogo, null, CancellationToken.None);
    Thumbnail(source, width, height);
    var cold = new List<double>();
    var cached = new List<double>();
    var thumbnail = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        var watch = Stopwatch.StartNew();
        await renderer.RenderAsync($"bench:cold:{PostCards.Name(size)}:{round}", spec, NoLogo, null, CancellationToken.None);
        cold.Add(watch.Elapsed.TotalMilliseconds);

        watch.Restart();
        await renderer.RenderAsync(cachedKey, spec, NoLogo, null, CancellationToken.None);
        cached.Add(watch.Elapsed.TotalMilliseconds);

        watch.Restart();
        Thumbnail(source, width, height);
        thumbnail.Add(watch.Elapsed.TotalMilliseconds);
    }

    double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    var (c, h, t) = (Median(cold), Median(cached), Median(thumbnail));
    rows.Add(string.Create(
        CultureInfo.InvariantCulture,
        $"| {width}×{height} | {c:0.0} ms | {h * 1000:0.0} µs | {t:0.0} ms | {c / t:0.00}× | {h / t * 100:0.000} % |"));
    if (samples is not null)
    {
        Directory.CreateDirectory(samples);
        await File.WriteAllBytesAsync(Path.Combine(samples, $"card-{PostCards.Name(size)}.png"), VipsPostCardRenderer.Draw(spec, null));
        var slide = spec with { Style = PostCardStyle.Text, Kicker = "2/4 · Weiterbewilligungsantrag", Text = "• Stell den Weiterbewilligungsantrag etwa 4 Wochen vor Ablauf.\n\n• Das geht online oder direkt beim Kommunalen Jobcenter Groß-Gerau." };
        await File.WriteAllBytesAsync(Path.Combine(samples, $"slide-{PostCards.Name(size)}.png"), VipsPostCardRenderer.Draw(slide, null));
        var emoji = spec with { Text = "🎉🏠💶👩‍💻🇩🇪" };
        await File.WriteAllBytesAsync(Path.Combine(samples, $"emoji-{PostCards.Name(size)}.png"), VipsPostCardRenderer.Draw(emoji, null));
        var huge = spec with { Text = string.Concat(Enumerable.Repeat("Grundsicherungsweiterbewilligungsantragsformular ", 200)) };
        await File.WriteAllBytesAsync(Path.Combine(samples, $"long-{PostCards.Name(size)}.png"), VipsPostCardRenderer.Draw(huge, null));
    }
}

Console.WriteLine("| Size | Card, cold (median) | Card, from cache | NetVips thumbnail, same size | Cold ÷ thumbnail | Cached ÷ thumbnail |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
rows.ForEach(Console.WriteLine);
return;

static Task<byte[]?> NoLogo() => Task.FromResult<byte[]?>(null);

static void Thumbnail(byte[] source, int width, int height)
{
    // The same work a cover's smaller copy costs: decode, shrink and crop to the size, encode as PNG like the card.
    using var image = Image.ThumbnailBuffer(source, width, height: height, crop: Enums.Interesting.Centre);
    _ = image.PngsaveBuffer(keep: Enums.ForeignKeep.None);
}
