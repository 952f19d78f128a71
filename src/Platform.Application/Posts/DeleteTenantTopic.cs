using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Posts;

/// <summary>Deletes a topic of the current tenant; refused (409) while any post, in any state, still carries it (ADR-017).</summary>
public sealed record DeleteTenantTopicCommand(string Slug) : ICommand;

public sealed class DeleteTenantTopicHandler(IAppDbContext db, ICurrentUser actor, TimeProvider clock) : ICommandHandler<DeleteTenantTopicCommand>
{
    public async ValueTask<Unit> Handle(DeleteTenantTopicCommand command, CancellationToken cancellationToken)
    {
        var slug = command.Slug.ToLowerInvariant();
        var topic = await db.TenantTopics.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken)
            ?? throw new NotFoundException("Das Thema", command.Slug);
        var flag = topic.Flag;
        var used = await db.Posts.CountAsync(p => (p.Content.Topics & flag) == flag, cancellationToken);
        if (used > 0)
        {
            throw new DomainException("topic.inUse", $"Das Thema „{topic.Name}“ steht noch an {used} Beitrag/Beiträgen. Entferne es dort zuerst.");
        }

        db.TenantTopics.Remove(topic);
        db.Record(topic.TenantId, actor, clock, "topic.deleted", $"{topic.Name} ({topic.Slug})");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
