using Microsoft.AspNetCore.Hosting;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Api.Tests.Accounts;

/// <summary>
/// The app for tests that sign in far more often than a person would (every session of every reason): the sign-in
/// limit itself is tested elsewhere with the default.
/// </summary>
public class ManySignInsApp(DatabaseProvider provider) : PlatformApp(provider)
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Platform:RateLimits:SignInPerMinute", "1000");
}

public sealed class ManySignInsSqliteApp() : ManySignInsApp(DatabaseProvider.Sqlite);

public sealed class ManySignInsPostgresApp() : ManySignInsApp(DatabaseProvider.PostgreSql);
