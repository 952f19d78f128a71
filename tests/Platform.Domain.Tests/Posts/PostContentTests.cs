using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Posts;

public sealed class PostContentTests
{
    [Fact]
    public void A_three_way_merge_updates_untouched_fields_and_reports_fields_changed_on_both_sides()
    {
        var baseContent = new PostContent { Title = "A", Summary = "S", BodyMarkdown = "B", Topics = Topics.Ausbildung };
        var local = baseContent with { Summary = "S lokal", BodyMarkdown = "B lokal" };
        var theirs = baseContent with { Title = "A neu", BodyMarkdown = "B neu", EasyTitle = "Leicht" };

        var (merged, updated, conflicts) = PostContent.Merge(baseContent, local, theirs);

        Assert.Equal("A neu", merged.Title);
        Assert.Equal("S lokal", merged.Summary);
        Assert.Equal("B lokal", merged.BodyMarkdown);
        Assert.Equal("Leicht", merged.EasyTitle);
        Assert.Equal(["Title", "EasyTitle"], updated);
        Assert.Equal(["BodyMarkdown"], conflicts);
    }

    [Fact]
    public void A_take_over_also_merges_call_to_action_expiry_and_event_fields()
    {
        var starts = new DateTime(2027, 7, 1, 8, 0, 0, DateTimeKind.Utc);
        var baseContent = new PostContent
        {
            Title = "A",
            Summary = "S",
            BodyMarkdown = "B",
            Topics = Topics.Ausbildung,
            EventStartsAt = starts,
            EventPlace = "Saal 1",
            EventCapacity = 20,
        };
        var local = baseContent with { EventPlace = "Raum 3 im Jobcenter" };
        var theirs = baseContent with
        {
            CallToActionLabel = "Jetzt anmelden",
            CallToActionUrl = "https://example.org/anmelden",
            EventStartsAt = starts.AddHours(1),
            EventPlace = "Saal 2",
            EventCapacity = 25,
            ExpiresAt = starts.AddDays(1),
        };

        var (merged, updated, conflicts) = PostContent.Merge(baseContent, local, theirs);

        Assert.Equal("Jetzt anmelden", merged.CallToActionLabel);
        Assert.Equal("https://example.org/anmelden", merged.CallToActionUrl);
        Assert.Equal(starts.AddHours(1), merged.EventStartsAt);
        Assert.Equal(25, merged.EventCapacity);
        Assert.Equal(starts.AddDays(1), merged.ExpiresAt);
        Assert.Equal("Raum 3 im Jobcenter", merged.EventPlace);
        Assert.Equal(["CallToActionLabel", "CallToActionUrl", "ExpiresAt", "EventStartsAt", "EventCapacity"], updated);
        Assert.Equal(["EventPlace"], conflicts);
    }

    [Fact]
    public void Stored_content_is_trimmed_keeps_the_alt_text_only_with_a_cover_and_event_fields_only_for_an_event()
    {
        var content = new PostContent
        {
            Title = "  Titel ",
            Summary = " Kurz ",
            Language = " EN ",
            EasyTitle = "   ",
            CoverImageAlt = "Ein Bild",
            EventEndsAt = new DateTime(2027, 7, 1, 10, 0, 0, DateTimeKind.Utc),
            EventPlace = "Saal 1",
        }.Normalized();

        Assert.Equal(("Titel", "Kurz", "en"), (content.Title, content.Summary, content.Language));
        Assert.Null(content.EasyTitle);
        Assert.Null(content.CoverImageAlt);
        Assert.Null(content.EventEndsAt);
        Assert.Null(content.EventPlace);
        Assert.Equal(" Text", (content with { BodyMarkdown = " Text" }).Normalized().BodyMarkdown);
    }

    [Fact]
    public void The_leichte_sprache_fields_are_normalized_merged_and_kept_in_the_snapshot()
    {
        var baseContent = new PostContent { Title = "A", Topics = Topics.Ausbildung, EasyReadTitle = "  ", EasyReadSummary = " Kurz. " }.Normalized();
        var theirs = baseContent with { EasyReadTitle = "Leicht", EasyReadBodyMarkdown = "Das Jobcenter hilft." };

        var (merged, updated, conflicts) = PostContent.Merge(baseContent, baseContent, theirs);

        Assert.Null(baseContent.EasyReadTitle);
        Assert.Equal("Kurz.", baseContent.EasyReadSummary);
        Assert.Equal(["EasyReadTitle", "EasyReadBodyMarkdown"], updated);
        Assert.Empty(conflicts);
        Assert.Equal(merged, PostContent.FromSnapshot(merged.ToSnapshot()));
    }
}
