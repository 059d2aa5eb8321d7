using SecondSource.Application.Persistence;
using SecondSource.Application.Scheduling;

namespace SecondSource.Application.Database;

/// <summary>What a sweep removed: files and their bytes, and the ones it could not remove (in use, no permission).</summary>
public sealed record SweepResult(int Removed, long Bytes, int Left);

/// <summary>
/// Removes the files an interrupted write leaves in the data folder: upload spools in <c>incoming/</c> and the content
/// store's temporaries, all named <c>*.part</c>, once they are older than <see cref="MaxAge"/> (a write in progress
/// touches its file far more often). Run when the web app starts and every hour (<see cref="SweepPartialFilesJob"/>).
/// Nothing else in the folder is touched.
/// </summary>
public sealed class SweepPartialFilesHandler(DatabaseSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    public SweepResult Handle()
    {
        if (!Directory.Exists(settings.DataFolder))
        {
            return new SweepResult(0, 0, 0);
        }

        var before = clock.GetUtcNow().UtcDateTime - MaxAge;
        int removed = 0, left = 0;
        long bytes = 0;
        foreach (var path in Directory.EnumerateFiles(settings.DataFolder, "*.part", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            var file = new FileInfo(path);
            if (file.LastWriteTimeUtc > before)
            {
                continue;
            }

            try
            {
                var length = file.Length;
                file.Delete();
                removed++;
                bytes += length;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                left++;
            }
        }

        return new SweepResult(removed, bytes, left);
    }
}

/// <summary>The hourly sweep of interrupted writes' leftovers (<see cref="SweepPartialFilesHandler"/>).</summary>
public sealed class SweepPartialFilesJob(SweepPartialFilesHandler sweep) : IScheduledJob
{
    public string Name => "partial-file-sweep";

    public TimeSpan Every => TimeSpan.FromHours(1);

    public Task<string> RunAsync(CancellationToken ct)
    {
        var result = sweep.Handle();
        return Task.FromResult(result.Removed == 0 && result.Left == 0
            ? "no leftover partial file"
            : $"removed {result.Removed} partial file(s), {result.Bytes:N0} bytes{(result.Left > 0 ? $"; {result.Left} could not be removed" : "")}");
    }
}
