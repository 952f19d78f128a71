using FluentValidation;
using Mediator;

namespace Platform.Application.Posts;

/// <summary>Renders Markdown exactly as readers will see it (Markdig, then the sanitizer): nothing is stored.</summary>
public sealed record PreviewPostQuery(string? Markdown) : IQuery<PostPreview>;

public sealed record PostPreview(string Html);

public sealed class PreviewPostValidator : AbstractValidator<PreviewPostQuery>
{
    public PreviewPostValidator() =>
        RuleFor(q => q.Markdown).MaximumLength(50_000).WithMessage("Der Text hat höchstens 50.000 Zeichen.");
}

public sealed class PreviewPostHandler : IQueryHandler<PreviewPostQuery, PostPreview>
{
    public ValueTask<PostPreview> Handle(PreviewPostQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PostPreview(PostBodyRenderer.ToSafeHtml(query.Markdown ?? "")));
}
