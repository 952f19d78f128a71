using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Platform.Web.Components.Shared.Forms;

/// <summary>One radio button of a <see cref="RadioGroup{TValue}"/>; further attributes (id) go onto the input.</summary>
public sealed class RadioOption : ComponentBase
{
    [CascadingParameter]
    private ChoiceState? Choice { get; set; }

    [Parameter, EditorRequired]
    public object? Value { get; set; }

    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "radio");
        builder.AddAttribute(3, "name", Choice?.Name);
        builder.AddAttribute(4, "class", Choice?.CssClass);
        builder.AddAttribute(5, "value", ChoiceState.Format(Value));
        builder.AddAttribute(6, "checked", Choice?.IsCurrent(Value) == true);
        builder.CloseElement();
    }
}
