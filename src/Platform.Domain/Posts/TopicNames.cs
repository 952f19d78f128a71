namespace Platform.Domain.Posts;

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
