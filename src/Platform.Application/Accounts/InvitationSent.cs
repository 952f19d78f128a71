namespace Platform.Application.Accounts;

/// <remarks><paramref name="Mailed"/>: false when the mail server did not take the invitation: the admin forwards <paramref name="Link"/>.</remarks>
public sealed record InvitationSent(Uri Link, bool Mailed);
