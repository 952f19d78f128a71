namespace Platform.Api.Hosting;

/// <summary>Which parts this node runs (<c>Platform:Roles</c>, default all): the same build serves every node of a cluster.</summary>
public sealed record PlatformRoles(bool Web, bool Api, bool Jobs)
{
    public static PlatformRoles From(IConfiguration configuration)
    {
        var value = configuration["Platform:Roles"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new PlatformRoles(true, true, true);
        }

        var roles = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        bool Has(string role) => roles.Contains(role, StringComparer.OrdinalIgnoreCase);
        return new PlatformRoles(Has("Web"), Has("Api"), Has("Jobs"));
    }
}
