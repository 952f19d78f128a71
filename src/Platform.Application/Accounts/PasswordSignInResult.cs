namespace Platform.Application.Accounts;

/// <remarks><paramref name="RetryAfter"/>: with <see cref="SignInOutcome.TooManyAttempts"/>: how long this client has to wait.</remarks>
public sealed record PasswordSignInResult(SignInOutcome Outcome, TimeSpan RetryAfter = default);
