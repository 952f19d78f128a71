using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Library;

public sealed class LibraryTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly PostActor Author = new(Guid.NewGuid(), "Autorin");
    private static readonly PostActor Other = new(Guid.NewGuid(), "Zweite");

    private static PostContent Content(string title = "Titel", string body = "Text") =>
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
        var item = LibraryItem.Create(Content(), coverImageId: null, Author, Now);
        Assert.Throws<DomainException>(() => item.Approve(Other, Now));
        item.Submit(Now);
        Assert.Throws<DomainException>(() => item.Approve(Author, Now));
        item.Approve(Other, Now);
        Assert.Equal((LibraryStatus.Published, 1), (item.Status, item.PublishedVersion!.Value));

        Assert.Throws<StaleVersionException>(() => item.Edit(Content("Neu"), coverImageId: null, 0, Other, Now));
        item.Edit(Content("Neu"), coverImageId: null, 1, Other, Now);
        Assert.Equal((LibraryStatus.Draft, 2, 1), (item.Status, item.LatestVersion, item.PublishedVersion!.Value));
        item.Submit(Now);
        Assert.Throws<DomainException>(() => item.Approve(Other, Now));
        item.Approve(Author, Now);
        Assert.Equal(2, item.PublishedVersion);
    }

    [Fact]
    public void A_version_shows_its_cover_through_the_shared_image_and_a_cover_needs_its_alt_text()
    {
        var image = Guid.NewGuid();
        Assert.Throws<DomainException>(() => LibraryItem.Create(Content(), image, Author, Now));

        var item = LibraryItem.Create(Content() with { CoverImageAlt = " Zwei Hände " }, image, Author, Now);
        Assert.Equal((image, true, "Zwei Hände"), (item.Latest.CoverImageId, item.Latest.Content.HasCoverImage, item.Latest.Content.CoverImageAlt));

        item.Edit(item.Latest.Content, coverImageId: null, 1, Other, Now);
        Assert.Equal((false, null), (item.Latest.Content.HasCoverImage, item.Latest.Content.CoverImageAlt));
    }

    [Fact]
    public void A_translation_is_a_new_version_that_keeps_the_content_and_the_next_edit_keeps_the_translations()
    {
        var item = LibraryItem.Create(Content(), coverImageId: null, Author, Now);
        item.Translate("AR", new TranslationText { Title = "  عنوان  " }, baseVersion: 1, Other, Now);
        Assert.Equal(2, item.LatestVersion);
        Assert.Equal("Titel", item.Latest.Content.Title);
        Assert.Equal("عنوان", item.Latest.Translations["ar"].Title);

        item.Edit(Content("Neu"), coverImageId: null, baseVersion: 2, Author, Now);
        Assert.Equal(["ar"], item.Latest.Translations.Keys);
        Assert.Throws<StaleVersionException>(() => item.Translate("tr", new TranslationText { Title = "Başlık" }, baseVersion: 2, Other, Now));
        Assert.Throws<DomainException>(() => item.Translate("xx", new TranslationText { Title = "?" }, baseVersion: 3, Other, Now));
        Assert.Throws<DomainException>(() => item.Translate("de", new TranslationText { Title = "Titel" }, baseVersion: 3, Other, Now));
        Assert.Throws<DomainException>(() => item.Translate("tr", new TranslationText { Title = " " }, baseVersion: 3, Other, Now));
        Assert.Throws<DomainException>(() => item.Translate("tr", null, baseVersion: 3, Other, Now));

        // The item cannot move into a language it has a translation in: that translation would shadow its own text.
        Assert.Throws<DomainException>(() => item.Edit(Content() with { Language = "ar" }, coverImageId: null, baseVersion: 3, Author, Now));
        item.Translate("ar", null, baseVersion: 3, Other, Now);
        Assert.Empty(item.Latest.Translations);
        Assert.Equal(["ar"], item.Versions.Single(v => v.Number == 3).Translations.Keys);
    }

    [Fact]
    public void Filling_a_translation_uses_the_jobcenters_values_and_trims_as_a_stored_translation_is()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["Jobcenter.Telefon"] = "", ["Jobcenter.Name"] = "JC" };
        var filled = LibraryPlaceholders.Fill(new TranslationText { Title = "{{Jobcenter.Name}}", BodyMarkdown = "Call {{Jobcenter.Telefon}}" }, values);
        Assert.Equal(new TranslationText { Title = "JC", BodyMarkdown = "Call" }, filled);
    }
}
