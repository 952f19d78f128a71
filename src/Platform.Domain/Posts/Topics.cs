namespace Platform.Domain.Posts;

/// <summary>The topics young people look for; a post has one or more. Stored as flags.</summary>
[Flags]
public enum Topics
{
    None = 0,
    Geld = 1,
    Wohnen = 2,
    Ausbildung = 4,
    Jobsuche = 8,
    Digitales = 16,
}
