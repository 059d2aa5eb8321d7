using System.Diagnostics;

namespace SecondSource.Cli;

/// <summary>
/// A progress line on standard error for work that takes more than a second: shown only when standard error is a
/// terminal (never in a pipe or a log), rewritten in place, cleared when the work ends.
/// </summary>
public sealed class CliProgress : IProgress<string>, IDisposable
{
    private readonly TextWriter? _error;
    private readonly string _what;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _width;

    private CliProgress(TextWriter? error, string what)
    {
        _error = error;
        _what = what;
    }

    public static CliProgress Start(CliConsole console, string what)
    {
        ArgumentNullException.ThrowIfNull(console);
        return new CliProgress(console.ErrorIsTerminal ? console.Error : null, what);
    }

    public void Report(string value)
    {
        if (_error is null)
        {
            return;
        }

        var line = $"{_what}: {value} ({_clock.Elapsed.TotalSeconds:F0} s)";
        _error.Write("\r" + line.PadRight(_width));
        _error.Flush();
        _width = Math.Max(_width, line.Length);
    }

    public void Dispose()
    {
        if (_error is not null && _width > 0)
        {
            _error.Write("\r" + new string(' ', _width) + "\r");
            _error.Flush();
            _width = 0;
        }
    }
}
