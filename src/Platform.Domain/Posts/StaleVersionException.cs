namespace Platform.Domain.Posts;

/// <summary>An edit based on a version that is no longer the current one; the API maps it to 409.</summary>
public sealed class StaleVersionException(int baseVersion, int currentVersion)
    : Exception($"Der Beitrag wurde inzwischen geändert (du hast Version {baseVersion} bearbeitet, aktuell ist Version {currentVersion}). Lade ihn neu und übernimm deine Änderungen. / The post was changed in the meantime (you edited version {baseVersion}, the current one is {currentVersion}); reload it and apply your changes again.")
{
    public int BaseVersion { get; } = baseVersion;

    public int CurrentVersion { get; } = currentVersion;
}
