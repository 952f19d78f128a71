namespace Platform.Application.Accounts;

/// <param name="RetryAfter">With <see cref="SignInOutcome.TooManyAttempts"/>: how long this client has to wait.</param>
public sealed record PasswordSignInResult(SignInOutcome Outcome, TimeSpan RetryAfter = default);
