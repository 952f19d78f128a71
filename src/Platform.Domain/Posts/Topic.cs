namespace Platform.Domain.Posts;

/// <summary>The topics young people look for; a post has one or more. Stored as flags.</summary>
[Flags]
public enum Topics
{
    None = 0,
    Geld = 1,
    Wohnen = 2,
    Ausbildung = 4,
    Jobsuche = 8,
    Digitales = 16,
}

public static class TopicNames
{
    public static IReadOnlyList<Topics> All { get; } =
        [Topics.Geld, Topics.Wohnen, Topics.Ausbildung, Topics.Jobsuche, Topics.Digitales];

    /// <summary>Parses one topic name, case-insensitively; "None" and combinations are not topics.</summary>
    public static bool TryParse(string? name, out Topics topic)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                topic = candidate;
                return true;
            }
        }

        topic = Topics.None;
        return false;
    }

    public static string[] ToNames(Topics topics) =>
        [.. All.Where(t => (topics & t) == t).Select(t => t.ToString())];
}
