using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Posts;

public sealed class PostWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly PostActor Author = new(Guid.NewGuid(), "Redaktion");
    private static readonly PostActor Reviewer = new(Guid.NewGuid(), "Prüfung");

    private static Post Draft() =>
        Post.Create(Guid.NewGuid(), new PostContent { Title = "Titel", Summary = "Kurz", BodyMarkdown = "Text", Topics = Topics.Geld }, Author, Now);

    private static Post Approved()
    {
        var post = Draft();
        post.SubmitForReview(Author, Now);
        post.Approve(Reviewer, Now, fourEyesRule: true);
        return post;
    }

    [Fact]
    public void A_new_post_is_a_draft_with_its_first_version_and_german_as_its_language()
    {
        var post = Draft();

        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Equal(1, post.ContentVersion);
        Assert.Equal("de", post.Content.Language);
        Assert.Equal(Author.Id, post.AuthorId);
        Assert.Equal(1, Assert.Single(post.Versions).Number);
    }

    [Fact]
    public void The_four_eyes_rule_keeps_authors_from_approving_their_own_post()
    {
        var post = Draft();
        post.SubmitForReview(Author, Now);

        var error = Assert.Throws<DomainException>(() => post.Approve(Author, Now, fourEyesRule: true));

        Assert.Equal("post.fourEyes", error.Code);
        Assert.Equal(PostStatus.InReview, post.Status);
        post.Approve(Author, Now, fourEyesRule: false);
        Assert.Equal(PostStatus.Approved, post.Status);
    }

    [Fact]
    public void Under_the_four_eyes_rule_only_an_approved_post_is_scheduled_or_published()
    {
        var draft = Draft();
        Assert.Equal("post.notApproved", Assert.Throws<DomainException>(() => draft.Schedule(Now.AddHours(1), Reviewer, Now, fourEyesRule: true)).Code);
        Assert.Equal("post.notApproved", Assert.Throws<DomainException>(() => draft.PublishNow(Reviewer, Now, fourEyesRule: true)).Code);

        var approved = Approved();
        approved.Schedule(Now.AddHours(1), Reviewer, Now, fourEyesRule: true);
        Assert.Equal(PostStatus.Scheduled, approved.Status);

        draft.PublishNow(Author, Now, fourEyesRule: false);
        Assert.Equal(PostStatus.Published, draft.Status);
    }

    [Fact]
    public void Every_step_is_recorded_with_who_and_when()
    {
        var post = Approved();
        post.PublishNow(Reviewer, Now.AddMinutes(1), fourEyesRule: true);
        post.Unpublish(Author, Now.AddMinutes(2));
        post.Archive(Author, Now.AddMinutes(3));

        Assert.Equal(
            [(PostStatus.Draft, PostStatus.InReview, "Redaktion"), (PostStatus.InReview, PostStatus.Approved, "Prüfung"), (PostStatus.Approved, PostStatus.Published, "Prüfung"),
             (PostStatus.Published, PostStatus.Unpublished, "Redaktion"), (PostStatus.Unpublished, PostStatus.Archived, "Redaktion")],
            post.Transitions.Select(t => (t.From, t.To, t.ByName)));
    }

    [Fact]
    public void Returning_needs_a_comment_and_keeps_it()
    {
        var post = Draft();
        post.SubmitForReview(Author, Now);

        Assert.Throws<DomainException>(() => post.ReturnToAuthor(" ", Reviewer, Now));
        post.ReturnToAuthor("Bitte kürzen.", Reviewer, Now);

        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Equal("Bitte kürzen.", post.Transitions.Last().Comment);
    }

    [Fact]
    public void A_stale_edit_is_refused_and_a_current_one_makes_a_new_version()
    {
        var post = Draft();
        var content = post.Content with { BodyMarkdown = "Neu" };

        post.Edit(content, baseVersion: 1, Reviewer, Now);
        var stale = Assert.Throws<StaleVersionException>(() => post.Edit(content with { Title = "Alt" }, baseVersion: 1, Author, Now));

        Assert.Equal(2, stale.CurrentVersion);
        Assert.Equal("Titel", post.Content.Title);
        Assert.Equal([1, 2], post.Versions.Select(v => v.Number));
        Assert.Equal("Neu", PostContent.FromSnapshot(post.Versions.Last().Snapshot).BodyMarkdown);
    }

    [Fact]
    public void Editing_an_approved_post_takes_the_approval_away()
    {
        var post = Approved();
        post.Schedule(Now.AddHours(1), Reviewer, Now, fourEyesRule: true);

        post.Edit(post.Content with { Title = "Anders" }, 1, Author, Now);

        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Null(post.PublishAt);
    }

    [Fact]
    public void A_cover_image_needs_alternative_text()
    {
        var error = Assert.Throws<DomainException>(() =>
            Post.Create(Guid.NewGuid(), new PostContent { Title = "Bild", Topics = Topics.Geld, HasCoverImage = true }, Author, Now));

        Assert.Equal("post.coverImageAlt", error.Code);
    }

    [Fact]
    public void An_expired_post_is_unpublished_once_and_never_published()
    {
        var post = Draft();
        post.Edit(post.Content with { ExpiresAt = Now.AddHours(1) }, 1, Author, Now);
        post.PublishNow(Author, Now, fourEyesRule: false);

        Assert.False(post.Expire(Now.AddMinutes(59)));
        Assert.True(post.Expire(Now.AddHours(1)));
        Assert.False(post.Expire(Now.AddHours(2)));
        Assert.Equal(PostStatus.Unpublished, post.Status);
        Assert.Equal("post.expired", Assert.Throws<DomainException>(() => post.PublishNow(Author, Now.AddHours(2), fourEyesRule: false)).Code);
    }

    [Fact]
    public void A_failed_publication_keeps_its_reason_and_can_be_scheduled_again()
    {
        var post = Approved();
        post.Schedule(Now.AddHours(1), Reviewer, Now, fourEyesRule: true);
        post.MarkFailed("Datenbank nicht erreichbar", Now.AddHours(1));

        Assert.Equal(PostStatus.Failed, post.Status);
        Assert.Equal("Datenbank nicht erreichbar", post.FailureReason);
        post.Schedule(Now.AddHours(2), Reviewer, Now.AddHours(1), fourEyesRule: true);
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.Null(post.FailureReason);
    }

    [Fact]
    public void Archived_is_final_for_every_step_but_nothing()
    {
        var post = Draft();
        post.Archive(Author, Now);

        Assert.Throws<DomainException>(() => post.Archive(Author, Now));
        Assert.Throws<DomainException>(() => post.SubmitForReview(Author, Now));
        Assert.Throws<DomainException>(() => post.PublishNow(Author, Now, fourEyesRule: false));
        Assert.Throws<DomainException>(() => post.Edit(post.Content, 1, Author, Now));
        Assert.False(post.Publish(Now));
    }
}
