namespace Platform.Application.Common;

/// <summary>The signed-in account of the current request, as far as use cases need it.</summary>
public interface ICurrentUser
{
    /// <summary>The account id, or null when nobody is signed in.</summary>
    Guid? Id { get; }

    string DisplayName { get; }

    bool IsInRole(string role);

    Guid RequiredId => Id ?? throw new ForbiddenException("Dafür musst du angemeldet sein.");
}
