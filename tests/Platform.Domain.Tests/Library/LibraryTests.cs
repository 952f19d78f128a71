using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Library;

public sealed class LibraryTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly PostActor Author = new(Guid.NewGuid(), "Autorin");
    private static readonly PostActor Other = new(Guid.NewGuid(), "Zweite");

    private static LibraryContent Content(string title = "Titel", string body = "Text") =>
        new() { Title = title, Summary = "Kurz", BodyMarkdown = body, Topics = Topics.Ausbildung };

    [Fact]
    public void Unknown_placeholders_are_found_and_known_ones_are_filled()
    {
        Assert.Empty(LibraryPlaceholders.Unknown("Ruf an: {{Jobcenter.Telefon}} oder {{ Jobcenter.EMail }}"));
        Assert.Equal(["Jobcenter.Fax", "Name"], LibraryPlaceholders.Unknown("{{Jobcenter.Fax}} {{Name}} {{Jobcenter.Name}}"));

        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["Jobcenter.Telefon"] = "069 1", ["Jobcenter.Name"] = "JC" };
        Assert.Equal("JC: 069 1", LibraryPlaceholders.Fill("{{Jobcenter.Name}}: {{ Jobcenter.Telefon }}", values));
    }

    [Fact]
    public void The_author_of_the_version_in_review_cannot_approve_it_and_a_new_version_needs_a_new_approval()
    {
        var item = LibraryItem.Create(Content(), Author, Now);
        Assert.Throws<DomainException>(() => item.Approve(Other, Now));
        item.Submit(Now);
        Assert.Throws<DomainException>(() => item.Approve(Author, Now));
        item.Approve(Other, Now);
        Assert.Equal((LibraryStatus.Published, 1), (item.Status, item.PublishedVersion!.Value));

        Assert.Throws<StaleVersionException>(() => item.Edit(Content("Neu"), 0, Other, Now));
        item.Edit(Content("Neu"), 1, Other, Now);
        Assert.Equal((LibraryStatus.Draft, 2, 1), (item.Status, item.LatestVersion, item.PublishedVersion!.Value));
        item.Submit(Now);
        Assert.Throws<DomainException>(() => item.Approve(Other, Now));
        item.Approve(Author, Now);
        Assert.Equal(2, item.PublishedVersion);
    }

    [Fact]
    public void A_three_way_merge_updates_untouched_fields_and_reports_fields_changed_on_both_sides()
    {
        var baseContent = new PostContent { Title = "A", Summary = "S", BodyMarkdown = "B", Topics = Topics.Ausbildung };
        var local = baseContent with { Summary = "S lokal", BodyMarkdown = "B lokal" };
        var theirs = baseContent with { Title = "A neu", BodyMarkdown = "B neu", EasyTitle = "Leicht" };

        var (merged, updated, conflicts) = LibraryAdoption.Merge(baseContent, local, theirs);

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

        var (merged, updated, conflicts) = LibraryAdoption.Merge(baseContent, local, theirs);

        Assert.Equal("Jetzt anmelden", merged.CallToActionLabel);
        Assert.Equal("https://example.org/anmelden", merged.CallToActionUrl);
        Assert.Equal(starts.AddHours(1), merged.EventStartsAt);
        Assert.Equal(25, merged.EventCapacity);
        Assert.Equal(starts.AddDays(1), merged.ExpiresAt);
        Assert.Equal("Raum 3 im Jobcenter", merged.EventPlace);
        Assert.Equal(["CallToActionLabel", "CallToActionUrl", "ExpiresAt", "EventStartsAt", "EventCapacity"], updated);
        Assert.Equal(["EventPlace"], conflicts);
    }
}
