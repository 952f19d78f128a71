using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Library;

namespace Platform.Application.Library;

internal static class LibraryAdoptionSteps
{
    /// <summary>This jobcenter's adoption (another's is 404) and the item's newest published version.</summary>
    public static async Task<(LibraryAdoption Adoption, int Published)> LoadAsync(IAppDbContext db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var adoptions = tracked ? db.LibraryAdoptions : db.LibraryAdoptions.AsNoTracking();
        var adoption = await adoptions.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("Übernahme", id);
        var published = await db.LibraryItems.Where(i => i.Id == adoption.LibraryItemId).Select(i => i.PublishedVersion).SingleAsync(cancellationToken);
        return (adoption, published ?? adoption.AdoptedVersion);
    }
}
