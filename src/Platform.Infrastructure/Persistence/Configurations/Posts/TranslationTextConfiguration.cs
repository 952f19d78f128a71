using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Posts;

namespace Platform.Infrastructure.Persistence.Configurations.Posts;

internal static class TranslationTextConfiguration
{
    /// <summary>The columns of a <see cref="TranslationText"/>, their names prefixed (<c>LiveTitle</c>) or plain.</summary>
    public static void MapTranslationText(this ComplexPropertyBuilder<TranslationText> text, string prefix)
    {
        text.Property(c => c.Title).HasColumnName(prefix + nameof(TranslationText.Title)).HasMaxLength(200).IsRequired();
        text.Property(c => c.Summary).HasColumnName(prefix + nameof(TranslationText.Summary)).HasMaxLength(500).IsRequired();
        text.Property(c => c.BodyMarkdown).HasColumnName(prefix + nameof(TranslationText.BodyMarkdown)).IsRequired();
        text.Property(c => c.EasyTitle).HasColumnName(prefix + nameof(TranslationText.EasyTitle)).HasMaxLength(200);
        text.Property(c => c.EasySummary).HasColumnName(prefix + nameof(TranslationText.EasySummary)).HasMaxLength(500);
        text.Property(c => c.EasyBodyMarkdown).HasColumnName(prefix + nameof(TranslationText.EasyBodyMarkdown));
    }
}
