using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Identity builds its tables from the <see cref="IdentityOptions"/> of the application's service provider. A
/// context made outside the host (design time, tests) gets the same options from here, so every context has the
/// one model that the migrations describe.
/// </summary>
public static class IdentitySchema
{
    public static readonly Version Version = IdentitySchemaVersions.Version3;

    public static IServiceProvider StandaloneServices { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = Version)
        .BuildServiceProvider();
}
