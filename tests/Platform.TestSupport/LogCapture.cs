using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Platform.TestSupport;

/// <summary>One log line as a provider receives it: the formatted message, the exception, and every scope's values.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception, IReadOnlyList<KeyValuePair<string, object?>> Scopes)
{
    public bool HasScope(string name) => Scopes.Any(s => s.Key == name && s.Value is not null);

    /// <summary>Everything the line would put into a log store, as one text to search.</summary>
    public string Text => string.Join(
        " | ",
        new[] { Category, Message, Exception ?? "" }.Concat(Scopes.Select(s => s.Key + "=" + Convert.ToString(s.Value, CultureInfo.InvariantCulture))));
}

/// <summary>
/// A logging provider that keeps every line with its scopes (as the JSON console formatter writes them with
/// IncludeScopes): the tenant, the trace and span ids, the request. With a file it appends each line there instead,
/// for <c>./test.sh</c> to scan the log of a whole test run.
/// </summary>
public class LogCapture(string? file = null) : ILoggerProvider, ISupportExternalScope
{
    private static readonly Lock FileLock = new();
    private static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentQueue<CapturedLog> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Lines => _lines;

    public void Clear() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    private void Write(CapturedLog line)
    {
        if (file is null)
        {
            _lines.Enqueue(line);
            return;
        }

        lock (FileLock)
        {
            File.AppendAllText(file, line.Level + " " + line.Text.ReplaceLineEndings(" ") + "\n", NoBom);
        }
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            owner._scopes.ForEachScope(
                (scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> items)
                    {
                        list.AddRange(items);
                    }
                    else if (scope is not null)
                    {
                        list.Add(new("Scope", scope.ToString()));
                    }
                },
                scopes);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                scopes.AddRange(values.Where(v => v.Key != "{OriginalFormat}"));
            }

            owner.Write(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), scopes));
        }
    }
}

/// <summary>
/// The log of a test run in a file (<c>PLATFORM_TEST_LOG_DIR</c>, set by <c>./test.sh</c>), at the levels production
/// writes (appsettings.json) and the platform's own debug lines, so that the script can scan it for personal data.
/// </summary>
public sealed class LogFileCapture(string file) : LogCapture(file)
{
    public const string DirectoryVariable = "PLATFORM_TEST_LOG_DIR";
}
