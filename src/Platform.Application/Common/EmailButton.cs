namespace Platform.Application.Common;

/// <summary>A link shown as a button in HTML and as a bare address in plain text.</summary>
public sealed record EmailButton(string Label, Uri Url) : EmailBlock;
