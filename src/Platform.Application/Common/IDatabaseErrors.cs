using Microsoft.EntityFrameworkCore;

namespace Platform.Application.Common;

/// <summary>Port: reads a provider's error, which the application cannot name without referencing the provider.</summary>
public interface IDatabaseErrors
{
    /// <summary>True when saving failed because a unique index refused the row (a race another request won).</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}
