using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Tenants;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Application.Posts;

/// <summary>
/// The card of a published post of the current tenant, drawn in its branding: <see cref="Size"/>, or scaled down to
/// <see cref="Width"/> (one of <see cref="CoverWidths.All"/>). Another tenant's, an unknown or an unpublished post: 404.
/// </summary>
public sealed record GetPostCardQuery(Guid PostId, PostCardSize Size, int? Width = null) : IQuery<PostCardFile>;

/// <summary>A card as PNG and the version its address carries (<see cref="PostCards.Version"/>).</summary>
public sealed record PostCardFile(byte[] Png, string Version);

public sealed class GetPostCardHandler(IAppDbContext db, ICurrentTenant current, ITopicCatalog catalog, IPostCardRenderer renderer)
    : IQueryHandler<GetPostCardQuery, PostCardFile>
{
    public async ValueTask<PostCardFile> Handle(GetPostCardQuery query, CancellationToken cancellationToken)
    {
        var tenant = current.Tenant ?? throw new NotFoundException("Beitrag", query.PostId);
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == query.PostId && p.Status == PostStatus.Published)
            .Select(p => new { p.Content.Title, p.Content.Topics, p.ContentVersion })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Beitrag", query.PostId);

        var topics = await catalog.ForCurrentTenantAsync(cancellationToken);
        var (width, height) = PostCards.Dimensions(query.Size);
        var spec = Spec(tenant, width, height, PostCardStyle.Title, TopicLine(topics, post.Topics), post.Title);
        var version = PostCards.Version(post.ContentVersion, tenant.Branding.Version);
        var scaled = query.Width is { } w && w < width && CoverWidths.All.Contains(w) ? w : (int?)null;
        var key = $"{tenant.Id:N}:post-card:{query.PostId:N}:{post.ContentVersion}:{tenant.Branding.Version}:{PostCards.Name(query.Size)}";
        var png = await renderer.RenderAsync(key, spec, LogoLoader(db, tenant, cancellationToken), scaled, cancellationToken);
        return new PostCardFile(png, version);
    }

    /// <summary>A card of <paramref name="tenant"/>'s branding; the colours meet WCAG AA against the text they carry.</summary>
    public static PostCardSpec Spec(TenantInfo tenant, int width, int height, PostCardStyle style, string kicker, string text)
    {
        var branding = tenant.Branding;
        return new PostCardSpec(
            width,
            height,
            style,
            kicker,
            text,
            tenant.DisplayName,
            GetAppIconHandler.Initials(tenant),
            branding.PrimaryColor,
            ColorContrast.TextColorFor(branding.PrimaryColor),
            branding.AccentColor);
    }

    /// <summary>The topics as the jobcenter names them, joined by a middle dot.</summary>
    public static string TopicLine(TopicSet topics, Topics flags) =>
        string.Join(" · ", topics.All.Where(t => (flags & t.Flag) == t.Flag && t.Flag != Topics.None).Select(t => t.DisplayName ?? t.Key));

    /// <summary>Loads the tenant's logo only when it has one and only when the card is not cached.</summary>
    public static Func<Task<byte[]?>> LogoLoader(IAppDbContext db, TenantInfo tenant, CancellationToken cancellationToken) =>
        async () => tenant.Branding.HasLogo
            ? await db.TenantLogos.AsNoTracking().Select(l => l.Content).SingleOrDefaultAsync(cancellationToken)
            : null;
}
