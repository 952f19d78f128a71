namespace Platform.Application.Accounts;

public sealed record AccountResult(Guid? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Id is not null;
}
