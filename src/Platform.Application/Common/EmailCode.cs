namespace Platform.Application.Common;

/// <summary>A code to copy, on a line of its own.</summary>
public sealed record EmailCode(string Value) : EmailBlock;
