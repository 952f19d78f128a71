using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>Adds a topic of the current tenant; the slug is its name in addresses (lowercase a-z, 0-9, '-').</summary>
public sealed record CreateTenantTopicCommand(string Slug, string Name) : ICommand<TenantTopicItem>;

public sealed class CreateTenantTopicValidator : AbstractValidator<CreateTenantTopicCommand>
{
    public CreateTenantTopicValidator()
    {
        RuleFor(c => c.Slug).Must(TenantTopic.IsValidSlug)
            .WithMessage($"Die Kurzform besteht aus Kleinbuchstaben a-z, Ziffern und Bindestrichen (höchstens {TenantTopic.MaxSlugLength} Zeichen) und darf kein festes Thema ({string.Join(", ", TopicNames.All)}) sein.");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte gib einen Namen für das Thema an.")
            .MaximumLength(TenantTopic.MaxNameLength).WithMessage($"Der Name hat höchstens {TenantTopic.MaxNameLength} Zeichen.");
    }
}

public sealed class CreateTenantTopicHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<CreateTenantTopicCommand, TenantTopicItem>
{
    public async ValueTask<TenantTopicItem> Handle(CreateTenantTopicCommand command, CancellationToken cancellationToken)
    {
        var existing = await db.TenantTopics.Select(t => new { t.Bit, t.Slug, t.Name }).ToListAsync(cancellationToken);
        var name = command.Name.Trim();
        if (existing.Any(t => string.Equals(t.Slug, command.Slug, StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid("Slug", "Diese Kurzform gibt es schon.");
        }

        if (existing.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) || TopicNames.TryParse(name, out _))
        {
            throw Invalid("Name", "Ein Thema mit diesem Namen gibt es schon.");
        }

        var used = existing.Select(t => t.Bit).ToHashSet();
        var bit = Enumerable.Range(TenantTopic.FirstBit, TenantTopic.LastBit - TenantTopic.FirstBit + 1).FirstOrDefault(b => !used.Contains(b));
        if (bit == 0)
        {
            throw new DomainException("topic.full", $"Es gibt schon {TenantTopic.LastBit - TenantTopic.FirstBit + 1} eigene Themen; lösche zuerst eines.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var topic = TenantTopic.Create(tenant.RequiredId, bit, command.Slug, name, now);
        db.TenantTopics.Add(topic);
        db.Record(topic.TenantId, actor, clock, "topic.created", $"{topic.Name} ({topic.Slug})");
        await db.SaveChangesAsync(cancellationToken);
        return new TenantTopicItem(topic.Slug, topic.Name, topic.CreatedAt, 0);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
