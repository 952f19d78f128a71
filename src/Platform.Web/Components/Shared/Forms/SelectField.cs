using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Platform.Web.Components.Shared.Forms;

/// <summary>
/// A <c>&lt;select&gt;</c> bound like <see cref="InputSelect{TValue}"/>, for static rendering: the chosen
/// <see cref="SelectOption"/> carries <c>selected</c>. InputSelect writes a <c>value</c> attribute on the select
/// itself, which HTML does not allow (it is a DOM property only an interactive renderer can set).
/// </summary>
public sealed class SelectField<TValue> : ChoiceInput<TValue>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "select");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "name", NameAttributeValue);
        builder.AddAttribute(3, "class", CssClass);
        builder.AddAttribute(4, "onchange", EventCallback.Factory.CreateBinder<string?>(this, value => CurrentValueAsString = value, CurrentValueAsString));
        builder.OpenComponent<CascadingValue<ChoiceState>>(5);
        builder.AddComponentParameter(6, nameof(CascadingValue<ChoiceState>.Value), State);
        builder.AddComponentParameter(7, nameof(CascadingValue<ChoiceState>.ChildContent), ChildContent);
        builder.CloseComponent();
        builder.CloseElement();
    }
}
