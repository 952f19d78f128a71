using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>The state of a library item after a step.</summary>
public sealed record LibraryItemState(Guid Id, LibraryStatus Status, int LatestVersion, int? PublishedVersion);
