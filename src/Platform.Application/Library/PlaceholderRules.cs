using FluentValidation;
using Platform.Domain.Library;

namespace Platform.Application.Library;

public static class PlaceholderRules
{
    /// <summary>A library text may hold only the known placeholders (<see cref="LibraryPlaceholders"/>); the message names the others.</summary>
    public static IRuleBuilderOptions<T, string?> KnownPlaceholders<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => LibraryPlaceholders.Unknown(text).Count == 0)
            .WithMessage((_, text) =>
                $"Unbekannter Platzhalter {string.Join(", ", LibraryPlaceholders.Unknown(text).Select(n => "{{" + n + "}}"))}. "
                + $"Erlaubt sind: {string.Join(", ", LibraryPlaceholders.Known.Select(n => "{{" + n + "}}"))}.");
}
