using Microsoft.AspNetCore.Hosting;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Errors;

/// <summary>
/// The app with the sign-in limit and output cache out of the way: the input tests send every operation several times
/// in a minute, and must see each answer from the endpoint itself.
/// </summary>
public class InputApp(DatabaseProvider provider) : PlatformApp(provider)
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Platform:OutputCache:Enabled", "false");
    }
}

public sealed class SqliteInputApp() : InputApp(DatabaseProvider.Sqlite);

public sealed class PostgresInputApp() : InputApp(DatabaseProvider.PostgreSql);
