using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Web.Components.Posts.Editorial;

/// <summary>The editor's form; times are Berlin wall-clock values of datetime-local fields.</summary>
public sealed class PostForm
{
    public int BaseVersion { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public bool Geld { get; set; }

    public bool Wohnen { get; set; }

    public bool Ausbildung { get; set; }

    public bool Jobsuche { get; set; }

    public bool Digitales { get; set; }

    /// <summary>The ticked own topics of the jobcenter (ADR-017), by slug; null when none is ticked (nothing is sent).</summary>
    public Dictionary<string, bool>? OwnTopics { get; set; }

    public string? Language { get; set; } = Post.DefaultLanguage;

    public string? EasyTitle { get; set; }

    public string? EasySummary { get; set; }

    public string? EasyBody { get; set; }

    public string? CallToActionLabel { get; set; }

    public string? CallToActionUrl { get; set; }

    public bool RemoveCoverImage { get; set; }

    public string? CoverImageAlt { get; set; }

    public string? ExpiresAt { get; set; }

    public string? EventStartsAt { get; set; }

    public string? EventEndsAt { get; set; }

    public string? EventPlace { get; set; }

    public string? EventOnlineUrl { get; set; }

    public int? EventCapacity { get; set; }

    public string? Action { get; set; }

    public static PostForm From(EditorialPost post)
    {
        var c = post.Content;
        return new PostForm
        {
            BaseVersion = post.ContentVersion,
            Title = c.Title,
            Summary = c.Summary,
            Body = c.BodyMarkdown,
            Geld = c.Topics.HasFlag(Topics.Geld),
            Wohnen = c.Topics.HasFlag(Topics.Wohnen),
            Ausbildung = c.Topics.HasFlag(Topics.Ausbildung),
            Jobsuche = c.Topics.HasFlag(Topics.Jobsuche),
            Digitales = c.Topics.HasFlag(Topics.Digitales),
            OwnTopics = post.Topics.Where(t => !Domain.Posts.TopicNames.TryParse(t, out _)).ToDictionary(t => t, _ => true),
            Language = c.Language,
            EasyTitle = c.EasyTitle,
            EasySummary = c.EasySummary,
            EasyBody = c.EasyBodyMarkdown,
            CallToActionLabel = c.CallToActionLabel,
            CallToActionUrl = c.CallToActionUrl,
            CoverImageAlt = c.CoverImageAlt,
            ExpiresAt = EditorialText.LocalInput(c.ExpiresAt),
            EventStartsAt = EditorialText.LocalInput(c.EventStartsAt),
            EventEndsAt = EditorialText.LocalInput(c.EventEndsAt),
            EventPlace = c.EventPlace,
            EventOnlineUrl = c.EventOnlineUrl,
            EventCapacity = c.EventCapacity,
        };
    }

    public IReadOnlyList<string> TopicNames()
    {
        var names = new List<string>();
        Add(Geld, Topics.Geld);
        Add(Wohnen, Topics.Wohnen);
        Add(Ausbildung, Topics.Ausbildung);
        Add(Jobsuche, Topics.Jobsuche);
        Add(Digitales, Topics.Digitales);
        names.AddRange((OwnTopics ?? []).Where(t => t.Value).Select(t => t.Key));
        return names;

        void Add(bool chosen, Topics topic)
        {
            if (chosen)
            {
                names.Add(topic.ToString());
            }
        }
    }

    public bool TryTimes(out DateTime? expires, out DateTime? starts, out DateTime? ends)
    {
        starts = ends = null;
        return EditorialText.TryParseLocal(ExpiresAt, out expires)
            & EditorialText.TryParseLocal(EventStartsAt, out starts)
            & EditorialText.TryParseLocal(EventEndsAt, out ends);
    }
}
