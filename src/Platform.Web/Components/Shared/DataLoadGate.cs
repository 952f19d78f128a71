namespace Platform.Web.Components.Shared;

/// <summary>
/// Lets one component of a request load its data at a time. The renderer sets the parameters of sibling components
/// one after another without waiting for the previous one's load, so on PostgreSQL (whose queries really yield) a post
/// page's bookmark button and event block queried the request's one <c>DbContext</c> at once and the page failed with
/// "A second operation was started on this context instance". Scoped: one gate per request.
/// </summary>
public sealed class DataLoadGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RunAsync(Func<Task> load)
    {
        await _gate.WaitAsync();
        try
        {
            await load();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
