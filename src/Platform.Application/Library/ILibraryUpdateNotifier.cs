namespace Platform.Application.Library;

/// <summary>
/// Port to the job system: tells the jobcenters that adopted a library item that a new version of it is out, in a job
/// of its own that runs as each of them (their staff, their outbox), so approving never waits for the network.
/// </summary>
public interface ILibraryUpdateNotifier
{
    void VersionPublished(Guid itemId, int version);
}
