using Microsoft.AspNetCore.Components;

namespace Platform.Web.Components.Shared;

/// <summary>
/// The base of every page and page part (set in <c>Pages/_Imports.razor</c>): it renders once, after
/// <c>OnInitializedAsync</c> and <c>OnParametersSetAsync</c> have finished. <see cref="ComponentBase"/> renders a first
/// time as soon as one of them yields, which on static SSR only costs work and, worse, runs the markup on half-loaded
/// state: an <c>EditForm</c> whose model is set after an <c>await</c> throws. SQLite's queries complete synchronously and
/// hid that; on PostgreSQL every query yields, and such pages answered 500. The loads of a request's components run one
/// at a time through <see cref="DataLoadGate"/>, as they share the request's <c>DbContext</c>.
/// </summary>
public abstract class LoadedComponent : ComponentBase
{
    private bool _initialized;
    private bool _notFound;

    [Inject]
    private NavigationManager LoadedNavigation { get; set; } = default!;

    [Inject]
    private DataLoadGate LoadGate { get; set; } = default!;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        await LoadGate.RunAsync(async () =>
        {
            if (!_initialized)
            {
                _initialized = true;

                // After NotFound() the renderer has replaced this page with the not-found page: rendering it would fail.
                LoadedNavigation.OnNotFound += (_, _) => _notFound = true;
                OnInitialized();
                await OnInitializedAsync();
            }

            OnParametersSet();
            await OnParametersSetAsync();
        });

        if (!_notFound)
        {
            StateHasChanged();
        }
    }
}
