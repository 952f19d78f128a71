using System.Linq.Expressions;
using FluentValidation;
using Platform.Application.Posts;
using Platform.Domain.Library;

namespace Platform.Application.Library;

/// <summary>The rules of a library text, including: only known placeholders (the message names the unknown one).</summary>
public sealed class LibraryInputValidator : AbstractValidator<ILibraryInput>
{
    public LibraryInputValidator()
    {
        Include(new PostInputValidator());
        Placeholders(p => p.Title);
        Placeholders(p => p.Summary);
        Placeholders(p => p.BodyMarkdown);
        Placeholders(p => p.EasyTitle);
        Placeholders(p => p.EasySummary);
        Placeholders(p => p.EasyBodyMarkdown);
        Placeholders(p => p.CallToActionLabel);
        Placeholders(p => p.EventPlace);
    }

    private void Placeholders(Expression<Func<ILibraryInput, string?>> field) =>
        RuleFor(field)
            .Must(text => LibraryPlaceholders.Unknown(text).Count == 0)
            .WithMessage((_, text) =>
                $"Unbekannter Platzhalter {string.Join(", ", LibraryPlaceholders.Unknown(text).Select(n => "{{" + n + "}}"))}. "
                + $"Erlaubt sind: {string.Join(", ", LibraryPlaceholders.Known.Select(n => "{{" + n + "}}"))}.");
}
