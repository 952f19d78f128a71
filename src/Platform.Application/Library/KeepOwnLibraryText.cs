using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Library;

/// <summary>Keeps the jobcenter's own text and marks the newest published version as seen.</summary>
public sealed record KeepOwnLibraryTextCommand(Guid AdoptionId) : ICommand<AdoptionState>;

public sealed class KeepOwnLibraryTextValidator : AbstractValidator<KeepOwnLibraryTextCommand>
{
    public KeepOwnLibraryTextValidator() => RuleFor(c => c.AdoptionId).NotEmpty();
}

public sealed class KeepOwnLibraryTextHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<KeepOwnLibraryTextCommand, AdoptionState>
{
    public async ValueTask<AdoptionState> Handle(KeepOwnLibraryTextCommand command, CancellationToken cancellationToken)
    {
        var (adoption, published) = await LibraryAdoptionSteps.LoadAsync(db, command.AdoptionId, tracked: true, cancellationToken);
        adoption.KeptOwn(published, clock.GetUtcNow().UtcDateTime);
        await db.SaveLibraryAsync(cancellationToken);
        var status = await db.Posts.Where(p => p.Id == adoption.PostId).Select(p => p.Status).SingleAsync(cancellationToken);
        return new AdoptionState(adoption.Id, adoption.PostId, adoption.AdoptedVersion, status);
    }
}
