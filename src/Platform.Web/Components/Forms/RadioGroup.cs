using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Platform.Web.Components.Forms;

/// <summary>
/// Radio buttons bound like <see cref="InputRadioGroup{TValue}"/>, for static rendering: the chosen
/// <see cref="RadioOption"/> carries a plain boolean <c>checked</c>. InputRadio renders <c>checked="a"</c> there, which
/// HTML does not allow (a boolean attribute is empty or repeats its name).
/// </summary>
public sealed class RadioGroup<TValue> : InputBase<TValue>
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<ChoiceState>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<ChoiceState>.Value), new ChoiceState(NameAttributeValue, CurrentValueAsString, CssClass));
        builder.AddComponentParameter(2, nameof(CascadingValue<ChoiceState>.ChildContent), ChildContent);
        builder.CloseComponent();
    }

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
        validationErrorMessage = string.Format(CultureInfo.CurrentCulture, "{0} is not valid.", DisplayName ?? FieldIdentifier.FieldName);
        return false;
    }
}
