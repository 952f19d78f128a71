using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Components.Shared;

namespace Platform.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The shared front end: static server-side rendering only, so pages work without JavaScript.</summary>
    public static IServiceCollection AddPlatformWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddLocalization();
        services.AddScoped<DataLoadGate>();

        // German pages: write umlauts and ß as they are instead of as numeric entities (smaller, readable source).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
