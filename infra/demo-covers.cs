#:package NetVips
#:package NetVips.Native.linux-x64
using NetVips;

// The demo cover illustrations (src/Platform.Infrastructure/Persistence/DemoImages/*.svg) as the JPEGs the seed embeds:
// 1200 px wide, quality 82, no metadata. Run once after changing a drawing:
//   dotnet run infra/demo-covers.cs -- src/Platform.Infrastructure/Persistence/DemoImages
var folder = args.Length > 0 ? args[0] : ".";
foreach (var svg in Directory.GetFiles(folder, "*.svg"))
{
    using var image = Image.NewFromFile(svg, access: Enums.Access.Sequential);
    using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
    var jpeg = Path.ChangeExtension(svg, ".jpg");
    flat.Jpegsave(jpeg, q: 82, keep: Enums.ForeignKeep.None, optimizeCoding: true, interlace: true);
    Console.WriteLine($"{jpeg}: {flat.Width}x{flat.Height}, {new FileInfo(jpeg).Length / 1024} KB");
}
