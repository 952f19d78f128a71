using Platform.Domain.Posts;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Posts.Editorial;

/// <summary>Like <see cref="FormErrors"/>, and an edit of an outdated version becomes a message too.</summary>
public static class EditorialForms
{
    public static async Task<IReadOnlyList<string>> TryAsync(Func<Task> action)
    {
        try
        {
            return await FormErrors.TryAsync(action);
        }
        catch (StaleVersionException)
        {
            return ["Jemand hat den Beitrag inzwischen geändert. Lade die Seite neu und übernimm deine Änderungen noch einmal."];
        }
    }
}
