using System.Globalization;
using System.Text;
using System.Xml;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Web.Resources;

namespace Platform.Web.Posts;

/// <summary>
/// The jobcenter's latest posts as Atom (<c>/feed.atom</c>) and RSS 2.0 (<c>/feed.rss</c>), for its own homepage and
/// for feed readers: <c>?topic=</c> as on the feed (an unknown one is a 400 naming it), every link absolute on the
/// tenant's primary host (<see cref="ITenantLinks"/>, ADR-023), the cover (or the post's card) as enclosure. Cached like the feed.
/// </summary>
public static class SyndicationEndpoints
{
    /// <summary>How many of the newest posts a feed holds.</summary>
    public const int ItemCount = 20;

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string MediaNamespace = "http://search.yahoo.com/mrss/";

    /// <summary>Maps both feeds; the host caches the group with <see cref="CachePolicies.Feed"/>.</summary>
    public static RouteGroupBuilder MapSyndicationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("");
        feeds.MapGet("/feed.atom", GetAtom).ExcludeFromDescription();
        feeds.MapGet("/feed.rss", GetRss).ExcludeFromDescription();
        return feeds;
    }

    private static Task<IResult> GetAtom(
        string? topic, string? lang, ICurrentTenant current, IMediator mediator, ITopicCatalog catalog, ITenantLinks links, CancellationToken ct) =>
        WriteAsync(topic, lang, atom: true, current, mediator, catalog, links, ct);

    private static Task<IResult> GetRss(
        string? topic, string? lang, ICurrentTenant current, IMediator mediator, ITopicCatalog catalog, ITenantLinks links, CancellationToken ct) =>
        WriteAsync(topic, lang, atom: false, current, mediator, catalog, links, ct);

    /// <remarks>
    /// <c>?lang=ar</c> (issue 14): the entries of posts with an approved Arabic translation carry its title and summary,
    /// <c>xml:lang</c> and a link to the post in that language; the others stay in their own language.
    /// </remarks>
    private static async Task<IResult> WriteAsync(
        string? topic, string? lang, bool atom, ICurrentTenant current, IMediator mediator, ITopicCatalog catalog, ITenantLinks links, CancellationToken cancellationToken)
    {
        if (current.Tenant is not { } tenant)
        {
            return Results.NotFound();
        }

        var page = await mediator.Send(new GetFeedQuery(1, ItemCount, topic, Language: lang), cancellationToken);
        var topics = await catalog.ForCurrentTenantAsync(cancellationToken);
        var language = string.IsNullOrEmpty(lang) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : lang.Trim().ToLowerInvariant();
        string[] parts = [.. new[] { ("topic", topic), ("lang", string.IsNullOrEmpty(lang) ? null : language) }
            .Where(p => p.Item2 is not null).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!))];
        var query = parts.Length == 0 ? "" : "?" + string.Join("&", parts);
        var feed = new Feed(
            tenant.DisplayName,
            UiText.Get("Feed.Title"),
            links.Link(tenant, query.Length == 0 ? "" : query),
            links.Link(tenant, (atom ? "feed.atom" : "feed.rss") + query),
            page.Items.Count == 0 ? null : page.Items.Max(i => i.PublishedAt),
            [.. page.Items.Select(i => new FeedEntry(
                i,
                links.Link(tenant, i.Language == language && !string.IsNullOrEmpty(lang) ? $"posts/{i.Id}?lang={language}" : $"posts/{i.Id}"),
                links.Link(tenant, i.Cover is { } cover
                    ? CoverWidths.Path(i.Id, cover)
                    : PostCards.Path(i.Id, PostCards.Version(i.ContentVersion, tenant.Branding.Version))),
                [.. i.Topics.Select(name => topics.Find(name) is { DisplayName: { } own } ? own : UiText.Get("Topic." + name))]))]);
        var xml = atom ? Atom(feed, language) : Rss(feed, language);
        return Results.Text(xml, atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8", Encoding.UTF8);
    }

    private static string Atom(Feed feed, string language) => Write(w =>
    {
        w.WriteStartElement("feed", AtomNamespace);
        w.WriteAttributeString("xml", "lang", null, language);
        w.WriteElementString("id", AtomNamespace, feed.Self.AbsoluteUri);
        w.WriteElementString("title", AtomNamespace, feed.Title);
        w.WriteElementString("subtitle", AtomNamespace, feed.Description);
        w.WriteElementString("updated", AtomNamespace, AtomDate(feed.Updated ?? DateTime.UnixEpoch));
        AtomLink(w, "self", "application/atom+xml", feed.Self);
        AtomLink(w, "alternate", "text/html", feed.Site);
        w.WriteStartElement("author", AtomNamespace);
        w.WriteElementString("name", AtomNamespace, feed.Title);
        w.WriteEndElement();
        foreach (var entry in feed.Entries)
        {
            w.WriteStartElement("entry", AtomNamespace);
            w.WriteAttributeString("xml", "lang", null, entry.Post.Language);
            w.WriteElementString("id", AtomNamespace, entry.Link.AbsoluteUri);
            w.WriteElementString("title", AtomNamespace, entry.Post.Title);
            AtomLink(w, "alternate", "text/html", entry.Link);
            AtomLink(w, "enclosure", entry.Post.Cover is null ? "image/png" : null, entry.Image);

            w.WriteElementString("published", AtomNamespace, AtomDate(entry.Post.PublishedAt));
            w.WriteElementString("updated", AtomNamespace, AtomDate(entry.Post.PublishedAt));
            w.WriteElementString("summary", AtomNamespace, entry.Post.Summary);
            foreach (var category in entry.Categories)
            {
                w.WriteStartElement("category", AtomNamespace);
                w.WriteAttributeString("term", category);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    private static string Rss(Feed feed, string language) => Write(w =>
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        w.WriteAttributeString("xmlns", "media", null, MediaNamespace);
        w.WriteStartElement("channel");
        w.WriteElementString("title", feed.Title);
        w.WriteElementString("link", feed.Site.AbsoluteUri);
        w.WriteElementString("description", feed.Description);
        w.WriteElementString("language", language);
        if (feed.Updated is { } updated)
        {
            w.WriteElementString("lastBuildDate", RssDate(updated));
        }

        w.WriteStartElement("atom", "link", AtomNamespace);
        w.WriteAttributeString("href", feed.Self.AbsoluteUri);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();
        foreach (var entry in feed.Entries)
        {
            w.WriteStartElement("item");
            w.WriteElementString("title", entry.Post.Title);
            w.WriteElementString("link", entry.Link.AbsoluteUri);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "true");
            w.WriteString(entry.Link.AbsoluteUri);
            w.WriteEndElement();
            w.WriteElementString("description", entry.Post.Summary);
            w.WriteElementString("pubDate", RssDate(entry.Post.PublishedAt));
            foreach (var category in entry.Categories)
            {
                w.WriteElementString("category", category);
            }

            var (width, height) = entry.Post.Cover is { } size ? (size.Width, size.Height) : PostCards.Dimensions(PostCardSize.Preview);
            w.WriteStartElement("media", "content", MediaNamespace);
            w.WriteAttributeString("url", entry.Image.AbsoluteUri);
            w.WriteAttributeString("medium", "image");
            w.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static void AtomLink(XmlWriter w, string rel, string? type, Uri href)
    {
        w.WriteStartElement("link", AtomNamespace);
        w.WriteAttributeString("rel", rel);
        if (type is not null)
        {
            w.WriteAttributeString("type", type);
        }

        w.WriteAttributeString("href", href.AbsoluteUri);
        w.WriteEndElement();
    }

    private static string AtomDate(DateTime utc) => XmlConvert.ToString(DateTime.SpecifyKind(utc, DateTimeKind.Utc), XmlDateTimeSerializationMode.Utc);

    private static string RssDate(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        // A StringBuilder is UTF-16; the response is UTF-8, and so must the declaration say.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private sealed record Feed(string Title, string Description, Uri Site, Uri Self, DateTime? Updated, IReadOnlyList<FeedEntry> Entries);

    /// <remarks><paramref name="Image"/>: the cover, or the post's 1200×630 card when it has none.</remarks>
    private sealed record FeedEntry(PostSummary Post, Uri Link, Uri Image, IReadOnlyList<string> Categories);
}
