using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Platform.Application.Resources;
using Platform.Web;
using Platform.Web.Resources;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// Every UI language is complete (issue 14, ADR-016): for every resource of the Web project's and the Application
/// project's <c>Resources</c> folders (<c>*.resx</c>, found on disk: the pages, the tools, the e-mails) and every language
/// of <see cref="UiCultures.Languages"/>,
/// the language's file has exactly the German keys, no empty value, the same placeholders, and no German text left
/// in it, unless the German entry allows that with <c>&lt;comment&gt;identical&lt;/comment&gt;</c> (every language:
/// punctuation, format patterns, brand names) or <c>&lt;comment&gt;identical: en, tr&lt;/comment&gt;</c> (only those).
/// The files are read as XML, so a missing or stray file, or a language without its satellite assembly, shows too.
/// The resources of <see cref="GermanOnly"/> are German by definition and have no translations.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    /// <summary>Where resources live: folder, the namespace they compile into, and their assembly.</summary>
    private static readonly (string Project, string Namespace, System.Reflection.Assembly Assembly)[] Locations =
    [
        ("Platform.Web", "Platform.Web.Resources", typeof(UiText).Assembly),
        ("Platform.Application", "Platform.Application.Resources", typeof(EmailText).Assembly),
    ];

    /// <summary>
    /// Resources with no translations, and why: the texts in Leichte Sprache (BITV 2.0 Annex 2) are a form of German,
    /// shown with <c>lang="de"</c> in every UI language; a translation of them would no longer be Leichte Sprache. The
    /// messages to a jobcenter's staff about their work are German, like the staff pages (issue 14 lets those stay German).
    /// </summary>
    private static readonly HashSet<string> GermanOnly = new(StringComparer.Ordinal)
    {
        "Platform.Web.Resources.EasyReadText",
        "Platform.Application.Resources.StaffText",
    };

    private static IEnumerable<string> Translations => UiCultures.Languages.Select(l => l.Code).Where(c => c != UiCultures.Default);

    public static TheoryData<string> BaseNames => [.. ResourceBaseNames()];

    public static TheoryData<string, string> ResourcesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var baseName in ResourceBaseNames().Where(b => !GermanOnly.Contains(b)))
            {
                foreach (var culture in Translations)
                {
                    data.Add(baseName, culture);
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_pages_and_the_e_mails_have_text_resources()
    {
        Assert.Contains("Platform.Web.Resources.UiText", ResourceBaseNames());
        Assert.Contains("Platform.Application.Resources.EmailText", ResourceBaseNames());
    }

    [Fact]
    public void A_german_only_resource_exists_and_has_no_translation()
    {
        foreach (var baseName in GermanOnly)
        {
            Assert.Contains(baseName, ResourceBaseNames());
            var (directory, name, _) = Locate(baseName);
            Assert.Empty(Directory.GetFiles(directory, name + ".*.resx"));
        }
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void Every_resource_file_is_german_or_a_language_the_switcher_offers(string baseName)
    {
        var offered = UiCultures.Languages.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var (directory, name, _) = Locate(baseName);
        var stray = Directory.GetFiles(directory, name + ".*.resx")
            .Select(f => Path.GetFileName(f)[(name.Length + 1)..^".resx".Length])
            .Where(culture => !offered.Contains(culture))
            .Order(StringComparer.Ordinal);

        Assert.Empty(stray);
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void The_german_texts_are_not_empty_and_carry_a_review_date(string baseName)
    {
        var german = Load(baseName, culture: null);

        Assert.NotEmpty(german.Entries);
        Assert.Empty(german.Entries.Where(e => string.IsNullOrWhiteSpace(e.Value.Text)).Select(e => e.Key));
        Assert.True(german.ReviewedOn is not null, $"{german.FileName} has no header comment 'Last reviewed: yyyy-MM-dd'.");
    }

    [Theory]
    [MemberData(nameof(ResourcesAndLanguages))]
    public void Every_language_has_every_german_key_and_no_other(string baseName, string culture)
    {
        var german = Load(baseName, culture: null);
        var translation = Load(baseName, culture);

        Assert.Equal([], german.Entries.Keys.Except(translation.Entries.Keys).Order(StringComparer.Ordinal));
        Assert.Equal([], translation.Entries.Keys.Except(german.Entries.Keys).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ResourcesAndLanguages))]
    public void No_text_is_empty_or_left_in_german(string baseName, string culture)
    {
        var german = Load(baseName, culture: null);
        var translation = Load(baseName, culture);

        Assert.Empty(translation.Entries.Where(e => string.IsNullOrWhiteSpace(e.Value.Text)).Select(e => e.Key));
        var leftInGerman = translation.Entries
            .Where(e => german.Entries.TryGetValue(e.Key, out var source)
                && string.Equals(source.Text, e.Value.Text, StringComparison.Ordinal)
                && !MayStayIdentical(source.Comment, culture))
            .Select(e => $"{e.Key}: '{e.Value.Text}'");
        Assert.Empty(leftInGerman);
    }

    [Theory]
    [MemberData(nameof(ResourcesAndLanguages))]
    public void Placeholders_are_the_same_as_in_german(string baseName, string culture)
    {
        var german = Load(baseName, culture: null);
        var translation = Load(baseName, culture);

        var different = translation.Entries
            .Where(e => german.Entries.TryGetValue(e.Key, out var source) && !Placeholders(source.Text).SetEquals(Placeholders(e.Value.Text)))
            .Select(e => $"{e.Key}: '{e.Value.Text}' vs '{german.Entries[e.Key].Text}'");
        Assert.Empty(different);
    }

    [Theory]
    [MemberData(nameof(ResourcesAndLanguages))]
    public void Every_language_carries_a_review_date_and_is_compiled(string baseName, string culture)
    {
        var translation = Load(baseName, culture);
        Assert.True(translation.ReviewedOn is not null, $"{translation.FileName} has no header comment 'Last reviewed: yyyy-MM-dd'.");

        // SatelliteResourceLanguages (Directory.Build.props) must name the language, or its texts never ship.
        var manager = new ResourceManager(baseName, Locate(baseName).Assembly);
        var compiled = manager.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        Assert.True(compiled is not null, $"No satellite assembly for {baseName}.{culture}: is '{culture}' in SatelliteResourceLanguages (Directory.Build.props), and is the build current?");
        Assert.Equal(translation.Entries.First().Value.Text, compiled.GetString(translation.Entries.First().Key));
    }

    [Theory]
    [InlineData("identical", "fa", true)]
    [InlineData("identical: en", "en", true)]
    [InlineData("identical: en, tr", "tr", true)]
    [InlineData("identical: en", "ar", false)]
    [InlineData(null, "en", false)]
    [InlineData("a note for translators", "en", false)]
    public void The_identical_mark_allows_only_the_languages_it_names(string? comment, string culture, bool allowed)
    {
        Assert.Equal(allowed, MayStayIdentical(comment, culture));
    }

    private static bool MayStayIdentical(string? comment, string culture)
    {
        var match = IdenticalMark().Match(comment ?? "");
        if (!match.Success)
        {
            return false;
        }

        var languages = match.Groups["languages"];
        return !languages.Success
            || languages.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(culture, StringComparer.Ordinal);
    }

    // {0}, {1:N0}, {2,5}: compared with their format, as a translation must not change how a value is shown.
    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    /// <summary>Every German resource by its full name, for example <c>Platform.Web.Resources.UiText</c>.</summary>
    private static IEnumerable<string> ResourceBaseNames() =>
        Locations
            .SelectMany(l => Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", l.Project, "Resources"), "*.resx")
                .Select(f => Path.GetFileNameWithoutExtension(f))
                .Where(name => !name.Contains('.', StringComparison.Ordinal))
                .Select(name => $"{l.Namespace}.{name}"))
            .Order(StringComparer.Ordinal);

    /// <summary>The folder, file name and assembly of a resource's full name.</summary>
    private static (string Directory, string Name, System.Reflection.Assembly Assembly) Locate(string baseName)
    {
        var location = Locations.Single(l => baseName.StartsWith(l.Namespace + ".", StringComparison.Ordinal));
        return (Path.Combine(RepositoryRoot(), "src", location.Project, "Resources"), baseName[(location.Namespace.Length + 1)..], location.Assembly);
    }

    private static ResourceFile Load(string baseName, string? culture)
    {
        var (directory, name, _) = Locate(baseName);
        var fileName = culture is null ? $"{name}.resx" : $"{name}.{culture}.resx";
        var path = Path.Combine(directory, fileName);
        Assert.True(File.Exists(path), $"{fileName} is missing in {directory}.");

        var document = XDocument.Load(path);
        var entries = new Dictionary<string, (string Text, string? Comment)>(StringComparer.Ordinal);
        foreach (var data in document.Root!.Elements("data"))
        {
            var key = (string)data.Attribute("name")!;
            Assert.True(entries.TryAdd(key, ((string?)data.Element("value") ?? "", (string?)data.Element("comment"))), $"{fileName}: '{key}' twice.");
        }

        var reviewed = document.Nodes().Concat(document.Root.Nodes()).OfType<XComment>()
            .Select(c => ReviewDate().Match(c.Value))
            .FirstOrDefault(m => m.Success);
        DateOnly? reviewedOn = reviewed is null
            ? null
            : DateOnly.ParseExact(reviewed.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ResourceFile(fileName, entries, reviewedOn);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Platform.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*identical\s*(?::\s*(?<languages>[a-z, ]+))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdenticalMark();

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"Last reviewed: (?<date>\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewDate();

    private sealed record ResourceFile(string FileName, Dictionary<string, (string Text, string? Comment)> Entries, DateOnly? ReviewedOn);
}
