using Platform.Domain.Library;

namespace Platform.Application.Library;

/// <summary>The state of a library item after a step.</summary>
public sealed record LibraryItemState(Guid Id, LibraryStatus Status, int LatestVersion, int? PublishedVersion);
