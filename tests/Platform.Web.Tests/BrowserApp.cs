using System.Globalization;
using Platform.Infrastructure.Persistence;
using Platform.TestSupport;

namespace Platform.Web.Tests;

/// <summary>The real host on a fresh SQLite file, served on a loopback port so that Chromium can reach it.</summary>
public class BrowserApp : PlatformApp
{
    public BrowserApp()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected BrowserApp(DatabaseProvider provider)
        : base(provider) => ListenOnKestrel = true;

    /// <summary>The tenant's feed by host name: <c>http://{slug}.localhost:{port}/</c>.</summary>
    public Uri TenantByHost(string slug) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{slug}.localhost:{ServerAddress.Port}/"));

    /// <summary>The tenant's feed by path prefix on the server's own address: <c>http://127.0.0.1:{port}/t/{slug}/</c>.</summary>
    public Uri TenantByPrefix(string slug) => new(ServerAddress, $"t/{slug}/");

    public Uri Tenant(string slug, TenantAddressing addressing) =>
        addressing == TenantAddressing.Host ? TenantByHost(slug) : TenantByPrefix(slug);
}

/// <summary>
/// The real host on a fresh PostgreSQL database (the production database, whose awaits really yield: pages that set
/// their form model late failed only here), served on a loopback port for Chromium.
/// </summary>
public sealed class PostgresBrowserApp() : BrowserApp(DatabaseProvider.PostgreSql);

/// <summary>The two ways a browser reaches a tenant.</summary>
public enum TenantAddressing
{
    Host,
    PathPrefix,
}

/// <summary>The browser host on a fresh SQLite file, on a fake clock that only a test moves (<see cref="PlatformApp.Clock"/>).</summary>
public sealed class FakeClockBrowserApp : BrowserApp
{
    public FakeClockBrowserApp() => Clock = NewClock();
}

/// <summary>The browser host on a fresh PostgreSQL database, on a fake clock that only a test moves.</summary>
public sealed class PostgresFakeClockBrowserApp : BrowserApp
{
    public PostgresFakeClockBrowserApp()
        : base(DatabaseProvider.PostgreSql) => Clock = NewClock();
}
