namespace Platform.Application.Common;

/// <summary>A piece of an e-mail's content, rendered as text and as HTML.</summary>
public abstract record EmailBlock;
