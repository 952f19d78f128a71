using Microsoft.Extensions.DependencyInjection;

namespace Platform.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The shared front end: static server-side rendering only, so pages work without JavaScript.</summary>
    public static IServiceCollection AddPlatformWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }
}
