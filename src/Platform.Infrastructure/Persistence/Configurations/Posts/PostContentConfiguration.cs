using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

/// <summary>
/// <see cref="PostContent"/> as the complex property of a post and of a library version: its columns carry the plain
/// field names (<c>Title</c>, not <c>Content_Title</c>), the table's own columns.
/// </summary>
internal static class PostContentConfiguration
{
    public static void MapPostContent(this ComplexPropertyBuilder<PostContent> content, int urlLength)
    {
        content.Property(c => c.Title).HasColumnName(nameof(PostContent.Title)).HasMaxLength(200).IsRequired();
        content.Property(c => c.Summary).HasColumnName(nameof(PostContent.Summary)).HasMaxLength(500).IsRequired();
        content.Property(c => c.BodyMarkdown).HasColumnName(nameof(PostContent.BodyMarkdown)).IsRequired();
        content.Property(c => c.Topics).HasColumnName(nameof(PostContent.Topics)).HasConversion<int>();
        content.Property(c => c.Language).HasColumnName(nameof(PostContent.Language)).HasMaxLength(8).IsRequired();
        content.Property(c => c.EasyTitle).HasColumnName(nameof(PostContent.EasyTitle)).HasMaxLength(200);
        content.Property(c => c.EasySummary).HasColumnName(nameof(PostContent.EasySummary)).HasMaxLength(500);
        content.Property(c => c.EasyBodyMarkdown).HasColumnName(nameof(PostContent.EasyBodyMarkdown));
        content.Property(c => c.EasyReadTitle).HasColumnName(nameof(PostContent.EasyReadTitle)).HasMaxLength(200);
        content.Property(c => c.EasyReadSummary).HasColumnName(nameof(PostContent.EasyReadSummary)).HasMaxLength(500);
        content.Property(c => c.EasyReadBodyMarkdown).HasColumnName(nameof(PostContent.EasyReadBodyMarkdown));
        content.Property(c => c.CallToActionLabel).HasColumnName(nameof(PostContent.CallToActionLabel)).HasMaxLength(80);
        content.Property(c => c.CallToActionUrl).HasColumnName(nameof(PostContent.CallToActionUrl)).HasMaxLength(urlLength);
        content.Property(c => c.CoverImageAlt).HasColumnName(nameof(PostContent.CoverImageAlt)).HasMaxLength(300);
        content.Property(c => c.HasCoverImage).HasColumnName(nameof(PostContent.HasCoverImage));
        content.Property(c => c.ExpiresAt).HasColumnName(nameof(PostContent.ExpiresAt));
        content.Property(c => c.EventStartsAt).HasColumnName(nameof(PostContent.EventStartsAt));
        content.Property(c => c.EventEndsAt).HasColumnName(nameof(PostContent.EventEndsAt));
        content.Property(c => c.EventPlace).HasColumnName(nameof(PostContent.EventPlace)).HasMaxLength(300);
        content.Property(c => c.EventOnlineUrl).HasColumnName(nameof(PostContent.EventOnlineUrl)).HasMaxLength(urlLength);
        content.Property(c => c.EventCapacity).HasColumnName(nameof(PostContent.EventCapacity));
    }
}
