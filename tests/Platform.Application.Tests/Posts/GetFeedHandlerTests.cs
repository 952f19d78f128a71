using FluentValidation.TestHelper;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Application.Tests.Posts;

public sealed class GetFeedHandlerTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task The_feed_has_only_published_posts_of_the_tenant_newest_first()
    {
        var older = await database.AddPostAsync(database.TenantA, "Älter", Topics.Ausbildung, DateTime.UtcNow.AddDays(-2));
        var newer = await database.AddPostAsync(database.TenantA, "Neuer", Topics.Ausbildung, DateTime.UtcNow.AddDays(-1));
        var draft = await database.AddPostAsync(database.TenantA, "Entwurf", Topics.Ausbildung, null);
        var foreign = await database.AddPostAsync(database.TenantB, "Fremd", Topics.Ausbildung, DateTime.UtcNow);
        await using var db = database.Open(database.TenantA);

        var page = await new GetFeedHandler(db, new TopicCatalog(db)).Handle(new GetFeedQuery(1, 50, "Ausbildung"), CancellationToken.None);

        var ids = page.Items.Select(i => i.Id).ToList();
        Assert.True(ids.IndexOf(newer.Id) < ids.IndexOf(older.Id));
        Assert.DoesNotContain(draft.Id, ids);
        Assert.DoesNotContain(foreign.Id, ids);
        Assert.All(page.Items, i => Assert.Contains("Ausbildung", i.Topics));
        Assert.Equal(ids.Count, page.TotalCount);
    }

    [Fact]
    public async Task A_post_with_two_topics_is_found_under_each()
    {
        var both = await database.AddPostAsync(database.TenantB, "Geld und Wohnen", Topics.Geld | Topics.Wohnen, DateTime.UtcNow);
        await using var db = database.Open(database.TenantB);
        var handler = new GetFeedHandler(db, new TopicCatalog(db));

        Assert.Contains(both.Id, (await handler.Handle(new GetFeedQuery(1, 50, "Geld"), CancellationToken.None)).Items.Select(i => i.Id));
        Assert.Contains(both.Id, (await handler.Handle(new GetFeedQuery(1, 50, "Wohnen"), CancellationToken.None)).Items.Select(i => i.Id));
        Assert.DoesNotContain(both.Id, (await handler.Handle(new GetFeedQuery(1, 50, "Digitales"), CancellationToken.None)).Items.Select(i => i.Id));
    }

    [Fact]
    public void The_validator_names_each_bad_field()
    {
        var validator = new GetFeedValidator();

        validator.TestValidate(new GetFeedQuery(0, 12)).ShouldHaveValidationErrorFor(q => q.Page);
        validator.TestValidate(new GetFeedQuery(1, 0)).ShouldHaveValidationErrorFor(q => q.PageSize);
        validator.TestValidate(new GetFeedQuery(1, 51)).ShouldHaveValidationErrorFor(q => q.PageSize);
        validator.TestValidate(new GetFeedQuery(1, 12, "Urlaub")).ShouldHaveValidationErrorFor(q => q.Topic);
        validator.TestValidate(new GetFeedQuery(1, 50, "geld")).ShouldNotHaveAnyValidationErrors();
    }
}
