namespace Platform.Application.Accounts;

/// <param name="Mailed">False when the mail server did not take the invitation: the admin forwards <paramref name="Link"/>.</param>
public sealed record InvitationSent(Uri Link, bool Mailed);
