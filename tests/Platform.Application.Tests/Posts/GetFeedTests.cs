using FluentValidation;
using FluentValidation.TestHelper;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Application.Tests.Posts;

public sealed class GetFeedTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_feed_has_only_published_posts_of_the_tenant_newest_first()
    {
        var older = await app.AddPostAsync(app.TenantA, "Älter", Topics.Ausbildung, DateTime.UtcNow.AddDays(-2));
        var newer = await app.AddPostAsync(app.TenantA, "Neuer", Topics.Ausbildung, DateTime.UtcNow.AddDays(-1));
        var draft = await app.AddPostAsync(app.TenantA, "Entwurf", Topics.Ausbildung, null);
        var foreign = await app.AddPostAsync(app.TenantB, "Fremd", Topics.Ausbildung, DateTime.UtcNow);

        var page = await app.SendAsync(app.TenantA, new GetFeedQuery(1, 50, "Ausbildung"));

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
        var both = await app.AddPostAsync(app.TenantB, "Geld und Wohnen", Topics.Geld | Topics.Wohnen, DateTime.UtcNow);

        Assert.Contains(both.Id, (await app.SendAsync(app.TenantB, new GetFeedQuery(1, 50, "Geld"))).Items.Select(i => i.Id));
        Assert.Contains(both.Id, (await app.SendAsync(app.TenantB, new GetFeedQuery(1, 50, "Wohnen"))).Items.Select(i => i.Id));
        Assert.DoesNotContain(both.Id, (await app.SendAsync(app.TenantB, new GetFeedQuery(1, 50, "Digitales"))).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_bad_page_is_refused_on_the_way_in()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(app.TenantA, new GetFeedQuery(0, 12)));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(GetFeedQuery.Page));
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
