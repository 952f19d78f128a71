namespace Platform.TestSupport;

/// <summary>
/// The one way a test waits: it polls for the state it expects (a job ran, a message arrived, a pool recovered) and
/// never sleeps for a fixed time. The timeout only bounds a failing test; no test may read it as a claim about speed.
/// Free of xunit so that the benchmarks can link it with <see cref="SmtpSink"/>.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded, shared CI machine; a passing test returns as soon as the state is there.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly object Reached = new();

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls until <paramref name="condition"/> holds; throws naming <paramref name="what"/> if it never does.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, string? what = null, TimeSpan? timeout = null) =>
        EventuallyAsync(async () => await condition() ? Reached : null, what, timeout);

    /// <summary>Polls until <paramref name="probe"/> returns an object (not null) and returns it.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string? what = null, TimeSpan? timeout = null)
        where T : class
    {
        using var expired = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(PollInterval, expired.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Never came true: {what ?? "the condition"}.");
            }
        }
    }
}
