using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Tenants;

/// <summary>The widget's settings for the administration: the allowed origins and the snippet to paste into the website.</summary>
public sealed record GetEmbedSettingsQuery : IQuery<EmbedSettings>;

/// <remarks><paramref name="WidgetUrl"/> is absolute on the tenant's primary host (ADR-023); <paramref name="Snippet"/> is HTML.</remarks>
public sealed record EmbedSettings(IReadOnlyList<string> Origins, Uri WidgetUrl, string Snippet);

public sealed class GetEmbedSettingsHandler(ICurrentTenant current, ITenantCatalog catalog, ITenantLinks links)
    : IQueryHandler<GetEmbedSettingsQuery, EmbedSettings>
{
    /// <summary>The path of the widget inside a tenant.</summary>
    public const string WidgetPath = "einbetten";

    public async ValueTask<EmbedSettings> Handle(GetEmbedSettingsQuery query, CancellationToken cancellationToken)
    {
        // From the catalog, not the request's snapshot: right after a change, the page shows what was saved.
        var tenant = await catalog.FindByIdAsync(current.RequiredId, cancellationToken) ?? throw new TenantRequiredException();
        var url = links.Link(tenant, WidgetPath);
        var title = Attribute(tenant.DisplayName);
        var snippet = $"<iframe src=\"{Attribute(url.AbsoluteUri)}\" title=\"{title}\" width=\"100%\" height=\"600\" "
            + "style=\"border:0\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>";
        return new EmbedSettings(tenant.EmbedOrigins, url, snippet);
    }

    // Only what HTML needs escaped in a quoted attribute: the snippet stays readable (umlauts as they are).
    private static string Attribute(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
