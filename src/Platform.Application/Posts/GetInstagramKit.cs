using System.Globalization;
using System.IO.Compression;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// The Instagram kit of a published or scheduled post of the current tenant, drawn in that tenant's branding (so an
/// adopted library post comes in the adopting jobcenter's colours): the caption and the slides with their absolute
/// addresses (<see cref="ITenantLinks"/>) and alt texts. Editors post it by hand: the platform talks to no Meta API (ADR-026).
/// </summary>
public sealed record GetInstagramKitQuery(Guid PostId) : IQuery<InstagramKit>;

public sealed record InstagramKit(string Caption, IReadOnlyList<InstagramSlide> Slides);

public sealed record InstagramSlide(Uri Url, string AltText, int Width, int Height);

/// <summary>Slide <see cref="Number"/> (from 1) of the kit as PNG.</summary>
public sealed record GetInstagramSlideQuery(Guid PostId, int Number) : IQuery<PostCardFile>;

/// <summary>The whole kit as one ZIP: the slides as PNGs, <c>caption.txt</c> and <c>alt-texts.txt</c>.</summary>
public sealed record GetInstagramZipQuery(Guid PostId) : IQuery<InstagramZip>;

public sealed record InstagramZip(byte[] Content, string FileName);

/// <summary>Loads what every part of the kit is made from, once per request.</summary>
public sealed class InstagramKitSource(IAppDbContext db, ICurrentTenant current, ITopicCatalog catalog, ITenantLinks links, IPostCardRenderer renderer)
{
    public async Task<Loaded> LoadAsync(Guid postId, CancellationToken cancellationToken)
    {
        var tenant = current.Tenant ?? throw new NotFoundException("Beitrag", postId);
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId && (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled))
            .Select(p => new { p.Content, p.ContentVersion })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Beitrag", postId);
        var topics = await catalog.ForCurrentTenantAsync(cancellationToken);
        var slides = InstagramSlides.Plan(post.Content, tenant, topics, links.Root(tenant).Host);
        return new Loaded(tenant, postId, post.Content, post.ContentVersion, topics, slides);
    }

    public Uri SlideUrl(Loaded kit, int number) =>
        links.Link(kit.Tenant, string.Create(CultureInfo.InvariantCulture, $"api/v1/editorial/posts/{kit.PostId}/instagram/slides/{number}.png?v={kit.Version}"));

    public Task<byte[]> RenderAsync(Loaded kit, int number, CancellationToken cancellationToken)
    {
        var key = string.Create(
            CultureInfo.InvariantCulture,
            $"{kit.Tenant.Id:N}:instagram:{kit.PostId:N}:{kit.ContentVersion}:{kit.Tenant.Branding.Version}:{number}");
        return renderer.RenderAsync(key, kit.Slides[number - 1].Spec, GetPostCardHandler.LogoLoader(db, kit.Tenant, cancellationToken), null, cancellationToken);
    }

    public sealed record Loaded(TenantInfo Tenant, Guid PostId, PostContent Content, int ContentVersion, TopicSet Topics, IReadOnlyList<InstagramSlidePlan> Slides)
    {
        public string Version => PostCards.Version(ContentVersion, Tenant.Branding.Version);

        public string Caption => InstagramSlides.Caption(Content, Topics);
    }
}

public sealed class GetInstagramKitHandler(InstagramKitSource source) : IQueryHandler<GetInstagramKitQuery, InstagramKit>
{
    public async ValueTask<InstagramKit> Handle(GetInstagramKitQuery query, CancellationToken cancellationToken)
    {
        var kit = await source.LoadAsync(query.PostId, cancellationToken);
        var slides = kit.Slides
            .Select((s, i) => new InstagramSlide(source.SlideUrl(kit, i + 1), s.AltText, s.Spec.Width, s.Spec.Height))
            .ToList();
        return new InstagramKit(kit.Caption, slides);
    }
}

public sealed class GetInstagramSlideHandler(InstagramKitSource source) : IQueryHandler<GetInstagramSlideQuery, PostCardFile>
{
    public async ValueTask<PostCardFile> Handle(GetInstagramSlideQuery query, CancellationToken cancellationToken)
    {
        var kit = await source.LoadAsync(query.PostId, cancellationToken);
        if (query.Number < 1 || query.Number > kit.Slides.Count)
        {
            throw new NotFoundException("Folie", query.Number);
        }

        return new PostCardFile(await source.RenderAsync(kit, query.Number, cancellationToken), kit.Version);
    }
}

public sealed class GetInstagramZipHandler(InstagramKitSource source) : IQueryHandler<GetInstagramZipQuery, InstagramZip>
{
    public async ValueTask<InstagramZip> Handle(GetInstagramZipQuery query, CancellationToken cancellationToken)
    {
        var kit = await source.LoadAsync(query.PostId, cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var altTexts = new StringBuilder();
            for (var number = 1; number <= kit.Slides.Count; number++)
            {
                var name = SlideFileName(number);
                var png = await source.RenderAsync(kit, number, cancellationToken);

                // PNGs are compressed already: stored, not deflated again.
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                using (var stream = entry.Open())
                {
                    stream.Write(png);
                }

                altTexts.Append(name).Append(": ").Append(kit.Slides[number - 1].AltText).Append('\n');
            }

            WriteText(zip, "caption.txt", kit.Caption + "\n");
            WriteText(zip, "alt-texts.txt", altTexts.ToString());
        }

        return new InstagramZip(buffer.ToArray(), $"instagram-{query.PostId:N}.zip");
    }

    public static string SlideFileName(int number) => string.Create(CultureInfo.InvariantCulture, $"folie-{number:00}.png");

    /// <summary>The archive is built in memory: writing to it is no I/O to wait for.</summary>
    private static void WriteText(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
