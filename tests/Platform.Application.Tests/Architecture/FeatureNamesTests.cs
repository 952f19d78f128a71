namespace Platform.Application.Tests.Architecture;

/// <summary>
/// One vocabulary for the whole tree (docs/architecture.md): a feature has the same folder name in every layer, and a
/// folder that holds a feature's code is named after one of the features. A new feature is added to <see cref="Features"/>
/// and to docs/architecture.md in the same change.
/// </summary>
public sealed class FeatureNamesTests
{
    private static readonly string[] Features = ["Posts", "Library", "Events", "Reminders", "ContactRequests", "Tenants", "Accounts", "Audit"];

    /// <summary>Features of the web front end alone: they run in the browser and have no domain or use cases (ADR-032).</summary>
    private static readonly string[] WebOnlyFeatures = ["Tools"];

    /// <summary>The layers' feature folders, with the folders of each that are not about one feature.</summary>
    private static readonly (string Path, string[] NotFeatures)[] Layers =
    [
        ("src/Platform.Domain", ["Common"]),
        ("src/Platform.Application", ["Common", "Resources"]),
        ("src/Platform.Infrastructure/Persistence/Configurations", []),
        ("src/Platform.Api/Endpoints", []),
        ("src/Platform.Web", ["Components", "Resources", "Scripts", "wwwroot"]),
        ("src/Platform.Web/Components", ["Shared"]),
    ];

    private static readonly string Root = FindRoot();

    public static TheoryData<string> LayerPaths => new(Layers.Select(l => l.Path));

    [Theory]
    [MemberData(nameof(LayerPaths))]
    public void Every_feature_folder_of_a_layer_is_named_after_a_feature(string layer)
    {
        var notFeatures = Layers.Single(l => l.Path == layer).NotFeatures;
        var known = layer.StartsWith("src/Platform.Web", StringComparison.Ordinal) ? [.. Features, .. WebOnlyFeatures] : Features;
        var strangers = FeatureNamesIn(layer).Except(notFeatures).Except(known).ToList();

        Assert.True(strangers.Count == 0, $"{layer} has feature folders or endpoint files under names no feature has: {string.Join(", ", strangers)}. Use one of {string.Join(", ", known)}.");
    }

    [Fact]
    public void Every_feature_has_its_domain_and_its_use_cases_under_its_own_name()
    {
        foreach (var layer in new[] { "src/Platform.Domain", "src/Platform.Application" })
        {
            var missing = Features.Except(FeatureNamesIn(layer)).ToList();
            Assert.True(missing.Count == 0, $"{layer} has no folder for: {string.Join(", ", missing)}.");
        }
    }

    [Fact]
    public void Every_feature_name_appears_in_more_than_one_layer()
    {
        var used = Layers.SelectMany(l => FeatureNamesIn(l.Path).Except(l.NotFeatures).Select(name => (name, l.Path)));
        var alone = used.GroupBy(u => u.name).Where(g => g.Count() < 2).Select(g => $"{g.Key} (only in {g.Single().Path})").ToList();

        Assert.True(alone.Count == 0, $"Feature names used by one layer only: {string.Join(", ", alone)}.");
    }

    /// <summary>The folder names of a layer, and for endpoints also the <c>{Feature}Endpoints.cs</c> files.</summary>
    private static List<string> FeatureNamesIn(string layer)
    {
        var path = Path.Combine(Root, layer);
        var folders = Directory.GetDirectories(path).Select(Path.GetFileName).OfType<string>().Where(name => name is not ("bin" or "obj" or "Properties"));
        var endpointFiles = layer.EndsWith("/Endpoints", StringComparison.Ordinal)
            ? Directory.GetFiles(path, "*Endpoints.cs").Select(f => Path.GetFileName(f)[..^"Endpoints.cs".Length])
            : [];
        return folders.Concat(endpointFiles).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
