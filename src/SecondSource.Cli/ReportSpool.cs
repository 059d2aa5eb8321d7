using System.Text;

namespace SecondSource.Cli;

/// <summary>
/// Holds a report until it is complete: a file refused half-way (a row past the work budget, an unreadable cell) must
/// leave standard output empty, not half a JSON or SARIF document that a pipeline then reads as the report. The report
/// is written to a temporary file (deleted when closed, so memory stays flat for any size) and copied out only when the
/// command succeeds.
/// </summary>
internal sealed class ReportSpool : IAsyncDisposable
{
    private readonly FileStream _file = new(
        Path.Combine(Path.GetTempPath(), $"secondsource-report-{Guid.NewGuid():N}.part"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    public ReportSpool() => Text = new StreamWriter(_file, new UTF8Encoding(false), 1 << 16, leaveOpen: true);

    /// <summary>Where byte-oriented reports (JSON, SARIF, JUnit) write.</summary>
    public Stream Bytes => _file;

    /// <summary>Where text reports write (UTF-8 into the same file).</summary>
    public TextWriter Text { get; }

    /// <summary>Copies the finished report to <paramref name="destination"/>.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await Text.FlushAsync(ct);
        await _file.FlushAsync(ct);
        _file.Position = 0;
        await _file.CopyToAsync(destination, ct);
        await destination.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Text.DisposeAsync();
        await _file.DisposeAsync();
    }
}
