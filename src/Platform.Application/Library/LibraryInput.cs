using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>The fields a NetworkEditor sends for a library item.</summary>
public interface ILibraryInput
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

/// <summary>The rules of a library text, including: only known placeholders (the message names the unknown one).</summary>
public sealed class LibraryInputValidator : AbstractValidator<ILibraryInput>
{
    public LibraryInputValidator()
    {
        RuleFor(p => p.Title).NotEmpty().WithMessage("Bitte gib einen Titel an.")
            .MaximumLength(200).WithMessage("Der Titel hat höchstens 200 Zeichen.");
        RuleFor(p => p.Summary).MaximumLength(500).WithMessage("Die Zusammenfassung hat höchstens 500 Zeichen.");
        RuleFor(p => p.BodyMarkdown).MaximumLength(50_000).WithMessage("Der Text hat höchstens 50.000 Zeichen.");
        RuleFor(p => p.Topics)
            .Must(t => t is { Count: > 0 }).WithMessage("Bitte wähle mindestens ein Thema.")
            .Must(t => t is null || t.All(name => TopicNames.TryParse(name, out _)))
            .WithMessage($"Unbekanntes Thema. Erlaubt sind: {string.Join(", ", TopicNames.All)}.");
        RuleFor(p => p.Language).Matches("^[a-z]{2}$").When(p => !string.IsNullOrEmpty(p.Language))
            .WithMessage("Die Sprache ist ein ISO-639-1-Code aus zwei Kleinbuchstaben, zum Beispiel de, en, tr.");
        RuleFor(p => p.EasyTitle).MaximumLength(200).WithMessage("Der Titel in Einfacher Sprache hat höchstens 200 Zeichen.");
        RuleFor(p => p.EasySummary).MaximumLength(500).WithMessage("Die Zusammenfassung in Einfacher Sprache hat höchstens 500 Zeichen.");
        RuleFor(p => p.EasyTitle).NotEmpty().When(p => !string.IsNullOrWhiteSpace(p.EasyBodyMarkdown) || !string.IsNullOrWhiteSpace(p.EasySummary))
            .WithMessage("Die Fassung in Einfacher Sprache braucht einen Titel.");
        Placeholders(p => p.Title);
        Placeholders(p => p.Summary);
        Placeholders(p => p.BodyMarkdown);
        Placeholders(p => p.EasyTitle);
        Placeholders(p => p.EasySummary);
        Placeholders(p => p.EasyBodyMarkdown);
    }

    private void Placeholders(System.Linq.Expressions.Expression<Func<ILibraryInput, string?>> field) =>
        RuleFor(field)
            .Must(text => LibraryPlaceholders.Unknown(text).Count == 0)
            .WithMessage((_, text) =>
                $"Unbekannter Platzhalter {string.Join(", ", LibraryPlaceholders.Unknown(text).Select(n => "{{" + n + "}}"))}. "
                + $"Erlaubt sind: {string.Join(", ", LibraryPlaceholders.Known.Select(n => "{{" + n + "}}"))}.");
}

public static class LibraryAccess
{
    public static LibraryContent ToContent(this ILibraryInput input) => new()
    {
        Title = input.Title,
        Summary = input.Summary ?? "",
        BodyMarkdown = input.BodyMarkdown ?? "",
        Topics = (input.Topics ?? []).Aggregate(Topics.None, (all, name) => TopicNames.TryParse(name, out var t) ? all | t : all),
        Language = string.IsNullOrWhiteSpace(input.Language) ? Post.DefaultLanguage : input.Language,
        EasyTitle = input.EasyTitle,
        EasySummary = input.EasySummary,
        EasyBodyMarkdown = input.EasyBodyMarkdown,
    };

    public static bool IsNetworkEditor(this ICurrentUser user) => user.IsInRole(Roles.NetworkEditor);

    public static void RequireNetworkEditor(this ICurrentUser user)
    {
        if (!user.IsNetworkEditor())
        {
            throw new ForbiddenException("Die Bibliothek schreibt nur die Netzwerkredaktion.");
        }
    }

    public static async Task<LibraryItem> LoadLibraryItemAsync(this IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.LibraryItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException("Bibliothekseintrag", id);

    /// <summary>The current jobcenter's values for the placeholders.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PlaceholderValuesAsync(
        this IAppDbContext db, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        LibraryPlaceholders.ValuesOf(await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequiredId, cancellationToken));

    public static async Task<LibraryItemVersion> LoadVersionAsync(this IAppDbContext db, Guid itemId, int number, CancellationToken cancellationToken) =>
        await db.LibraryItemVersions.AsNoTracking().SingleOrDefaultAsync(v => v.LibraryItemId == itemId && v.Number == number, cancellationToken)
            ?? throw new NotFoundException("Version", number);

    public static async Task SaveLibraryAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Der Eintrag wurde gerade von jemand anderem geändert. Lade ihn neu und versuche es noch einmal.");
        }
    }

    public static LibraryItemState State(this LibraryItem item) => new(item.Id, item.Status, item.LatestVersion, item.PublishedVersion);
}

/// <summary>The state of a library item after a step.</summary>
public sealed record LibraryItemState(Guid Id, LibraryStatus Status, int LatestVersion, int? PublishedVersion);
