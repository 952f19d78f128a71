namespace Platform.Domain.Posts;

/// <summary>Who did something to a post; <see cref="System"/> for jobs.</summary>
public sealed record PostActor(Guid Id, string Name)
{
    public static readonly PostActor System = new(Guid.Empty, "System");
}
