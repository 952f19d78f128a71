using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Platform.Web.Components.Shared.Forms;

/// <summary>
/// Radio buttons bound like <see cref="InputRadioGroup{TValue}"/>, for static rendering: the chosen
/// <see cref="RadioOption"/> carries a plain boolean <c>checked</c>. InputRadio renders <c>checked="a"</c> there, which
/// HTML does not allow (a boolean attribute is empty or repeats its name).
/// </summary>
public sealed class RadioGroup<TValue> : ChoiceInput<TValue>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<ChoiceState>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<ChoiceState>.Value), State);
        builder.AddComponentParameter(2, nameof(CascadingValue<ChoiceState>.ChildContent), ChildContent);
        builder.CloseComponent();
    }
}
