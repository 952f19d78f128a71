using Microsoft.AspNetCore.Components;

namespace Platform.Web.Components.Shared.Forms;

/// <summary>What a <see cref="SelectField{TValue}"/> or <see cref="RadioGroup{TValue}"/> tells its options: the form
/// field's name, its current value as the form posts it, and the validation class.</summary>
public sealed record ChoiceState(string Name, string? CurrentValue, string? CssClass)
{
    public bool IsCurrent(object? value) =>
        string.Equals(Format(value), CurrentValue, StringComparison.Ordinal);

    internal static string? Format(object? value) => BindConverter.FormatValue(value)?.ToString();
}
