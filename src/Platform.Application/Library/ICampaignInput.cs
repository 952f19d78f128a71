using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>The fields of a campaign, for creating and changing one.</summary>
public interface ICampaignInput
{
    string Title { get; }

    string? Note { get; }

    DateTime PublishAt { get; }
}
