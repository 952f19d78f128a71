using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Platform.Web.Resources;

namespace Platform.Web.Components.Shared.Forms;

/// <summary>
/// A form input whose options (<see cref="RadioOption"/>, <see cref="SelectOption"/>) learn the current value from a
/// cascading <see cref="ChoiceState"/>, so that the chosen one is marked in static rendering without the attributes
/// HTML does not allow there.
/// </summary>
public abstract class ChoiceInput<TValue> : InputBase<TValue>
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>What the options need to know: the field's name, the current value and the field's CSS class.</summary>
    protected ChoiceState State => new(NameAttributeValue, CurrentValueAsString, CssClass);

    protected override string? FormatValueAsString(TValue? value) => ChoiceState.Format(value);

    protected override bool TryParseValueFromString(string? value, [MaybeNullWhen(false)] out TValue result, [NotNullWhen(false)] out string? validationErrorMessage)
    {
        if (BindConverter.TryConvertTo<TValue>(value, CultureInfo.CurrentCulture, out var parsed) && parsed is not null)
        {
            result = parsed;
            validationErrorMessage = null;
            return true;
        }

        result = default;
        validationErrorMessage = UiText.Get("Form.ChoiceInvalid");
        return false;
    }
}
