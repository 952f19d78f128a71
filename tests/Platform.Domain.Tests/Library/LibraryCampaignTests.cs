using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Domain.Tests.Library;

public sealed class LibraryCampaignTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly PostActor Author = new(Guid.NewGuid(), "Autorin");
    private static readonly PostActor Other = new(Guid.NewGuid(), "Zweite");

    private static LibraryItem Item(bool published)
    {
        var item = LibraryItem.Create(new PostContent { Title = "Ausbildung", Topics = Topics.Ausbildung }, coverImageId: null, Author, Now);
        if (published)
        {
            item.Submit(Now);
            item.Approve(Other, Now);
        }

        return item;
    }

    [Fact]
    public void A_campaign_needs_a_published_item_a_title_and_a_future_date()
    {
        var start = new DateTime(2027, 7, 31, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal("campaign.itemNotPublished", Assert.Throws<DomainException>(() => LibraryCampaign.Create(Item(false), "Start", null, start, Author, Now)).Code);
        Assert.Equal("campaign.publishAt", Assert.Throws<DomainException>(() => LibraryCampaign.Create(Item(true), "Start", null, Now, Author, Now)).Code);
        Assert.Equal("campaign.title", Assert.Throws<DomainException>(() => LibraryCampaign.Create(Item(true), " ", null, start, Author, Now)).Code);

        var campaign = LibraryCampaign.Create(Item(true), " Ausbildungsstart ", " ", start, Author, Now);
        Assert.Equal("Ausbildungsstart", campaign.Title);
        Assert.Null(campaign.Note);
        Assert.Equal(start, campaign.PublishAt);
    }

    [Fact]
    public void An_opt_in_keeps_the_date_it_agreed_to_until_it_follows_a_moved_campaign()
    {
        var campaign = LibraryCampaign.Create(Item(true), "Start", null, Now.AddDays(10), Author, Now);
        var post = Post.CreateDraft(Guid.NewGuid(), "Titel", "", "", Topics.Ausbildung, Now);
        var optIn = LibraryCampaignOptIn.Create(post.TenantId, campaign, post.Id, Author, Now);

        campaign.Change("Start", null, Now.AddDays(12), Now);
        Assert.Equal(Now.AddDays(10), optIn.PublishAt);
        Assert.True(optIn.SchedulesOnApproval(Now));
        Assert.False(optIn.SchedulesOnApproval(Now.AddDays(11)));

        optIn.Follow(campaign, Now);
        Assert.Equal(Now.AddDays(12), optIn.PublishAt);
    }

    [Fact]
    public void The_network_view_shows_state_and_time_of_the_post_only()
    {
        var post = Post.CreateDraft(Guid.NewGuid(), "Titel", "", "", Topics.Ausbildung, Now);
        var view = LibraryCampaignParticipation.Of(Guid.NewGuid(), post.TenantId, post, Now);
        Assert.Equal(PostStatus.Draft, view.PostStatus);
        Assert.Null(view.PublishAt);

        post.Schedule(Now.AddDays(1), Author, Now, fourEyesRule: false);
        view.Mirror(post, Now);
        Assert.Equal(PostStatus.Scheduled, view.PostStatus);
        Assert.Equal(Now.AddDays(1), view.PublishAt);
    }
}
