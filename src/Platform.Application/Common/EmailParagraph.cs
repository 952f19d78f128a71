namespace Platform.Application.Common;

public sealed record EmailParagraph(string Text) : EmailBlock;
