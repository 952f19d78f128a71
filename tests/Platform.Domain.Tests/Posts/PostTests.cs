using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Posts;

public sealed class PostTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    private static Post Draft() => Post.CreateDraft(Guid.NewGuid(), "Titel", "Kurz", "Text", Topics.Geld | Topics.Wohnen, Now);

    [Fact]
    public void Scheduling_in_the_past_is_refused()
    {
        var post = Draft();

        var error = Assert.Throws<DomainException>(() => post.Schedule(Now.AddSeconds(-1), PostActor.System, Now, fourEyesRule: false));

        Assert.Equal("post.publishAt", error.Code);
        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Null(post.PublishAt);
    }

    [Fact]
    public void A_scheduled_post_is_not_published_before_its_time()
    {
        var post = Draft();
        post.Schedule(Now.AddMinutes(5), PostActor.System, Now, fourEyesRule: false);

        Assert.False(post.Publish(Now.AddMinutes(4)));
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.Null(post.PublishedAt);
    }

    [Fact]
    public void Publishing_twice_changes_nothing_the_second_time()
    {
        var post = Draft();
        post.Schedule(Now.AddMinutes(5), PostActor.System, Now, fourEyesRule: false);

        Assert.True(post.Publish(Now.AddMinutes(6)));
        var version = post.Version;
        var publishedAt = post.PublishedAt;
        Assert.False(post.Publish(Now.AddMinutes(7)));

        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(version, post.Version);
        Assert.Equal(publishedAt, post.PublishedAt);
        Assert.Equal(Now.AddMinutes(5), post.PublishedAt);
    }

    [Fact]
    public void A_published_post_cannot_be_scheduled_again()
    {
        var post = Draft();
        post.Publish(Now);

        Assert.Throws<DomainException>(() => post.Schedule(Now.AddDays(1), PostActor.System, Now, fourEyesRule: false));
    }

    [Theory]
    [InlineData("", Topics.Geld)]
    [InlineData("   ", Topics.Geld)]
    [InlineData("Titel", Topics.None)]
    public void A_post_needs_a_title_and_a_topic(string title, Topics topics) =>
        Assert.Throws<DomainException>(() => Post.CreateDraft(Guid.NewGuid(), title, "", "", topics, Now));

    [Fact]
    public void A_post_needs_a_tenant() =>
        Assert.Throws<DomainException>(() => Post.CreateDraft(Guid.Empty, "Titel", "", "", Topics.Geld, Now));
}
