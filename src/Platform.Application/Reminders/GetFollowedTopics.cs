using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Reminders;

/// <summary>The topics the signed-in person follows (none when not signed in).</summary>
public sealed record GetFollowedTopicsQuery : IQuery<FollowedTopics>;

public sealed class GetFollowedTopicsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetFollowedTopicsQuery, FollowedTopics>
{
    public async ValueTask<FollowedTopics> Handle(GetFollowedTopicsQuery query, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return new FollowedTopics([]);
        }

        var flags = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => p.FollowedTopics)
            .FirstOrDefaultAsync(cancellationToken);
        return new FollowedTopics(TopicNames.ToNames((Topics)flags));
    }
}
