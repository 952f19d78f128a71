namespace Platform.Application.Posts;

/// <summary>The texts of a post or a library item: the same fields and the same rules for both.</summary>
public interface IPostText
{
    string Title { get; }

    string? Summary { get; }

    string? BodyMarkdown { get; }

    IReadOnlyList<string>? Topics { get; }

    string? Language { get; }

    string? EasyTitle { get; }

    string? EasySummary { get; }

    string? EasyBodyMarkdown { get; }
}
