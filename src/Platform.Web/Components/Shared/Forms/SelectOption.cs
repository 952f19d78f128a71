using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Platform.Web.Components.Shared.Forms;

/// <summary>An <c>&lt;option&gt;</c> of a <see cref="SelectField{TValue}"/>, marked <c>selected</c> when it is the field's value.</summary>
public sealed class SelectOption : ComponentBase
{
    [CascadingParameter]
    private ChoiceState? Choice { get; set; }

    [Parameter, EditorRequired]
    public object? Value { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "option");
        builder.AddAttribute(1, "value", ChoiceState.Format(Value));
        builder.AddAttribute(2, "selected", Choice?.IsCurrent(Value) == true);
        builder.AddContent(3, ChildContent);
        builder.CloseElement();
    }
}
