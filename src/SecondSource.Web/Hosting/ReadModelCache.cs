using System.Collections.Concurrent;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Hosting;

/// <summary>
/// Keeps what a read-heavy page computed (the dashboard's scorecards, a BOM revision's audit, a review pack) until the
/// data changes, instead of recomputing it on every request. An entry is recomputed at once when this process changed
/// the database since (<see cref="DataVersion"/>), so people see their own changes immediately. Changes made elsewhere
/// (the CLI, another web instance) are picked up once the entry is older than <c>ReadModels:MaxAgeSeconds</c>
/// (default 5), or than <c>ReadModels:CostFactor</c> (default 20) times what its computation took if that is longer:
/// then one request recomputes while the others keep the previous value, so a busy page never stalls, and an expensive
/// view (the buyer's dashboard over eleven five-year programs) spends at most a twentieth of the time recomputing for
/// changes that may not have happened.
/// Keys must name everything the value depends on — the caller's party scope and role included. Requests that need the
/// same key at the same version while it is being computed wait for that one computation instead of each starting their
/// own (after a write under load, a page read by many recomputes once).
/// </summary>
public sealed class ReadModelCache(DataVersion version, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>More entries than this and the cache starts over (keys include record ids).</summary>
    public const int MaxEntries = 2000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, long Version), Lazy<Task<object?>>> _computing = new();
    private TimeSpan? _maxAge;
    private double? _costFactor;

    public TimeSpan MaxAge => _maxAge ??= TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue<double?>("ReadModels:MaxAgeSeconds") ?? 5));

    /// <summary>An entry is kept for changes made elsewhere at least this many times as long as its computation took.</summary>
    public double CostFactor => _costFactor ??= Math.Max(0, configuration.GetValue<double?>("ReadModels:CostFactor") ?? 20);

    /// <summary>How long an entry is served before one request recomputes it for changes made elsewhere.</summary>
    private TimeSpan KeepFor(Entry entry) => TimeSpan.FromTicks(Math.Max(MaxAge.Ticks, (long)(CostFactor * entry.Cost.Ticks)));

    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var current = version.Current;
        if (_entries.TryGetValue(key, out var entry) && entry.Version == current && entry.Value is T cached)
        {
            if (clock.GetElapsedTime(entry.At) < KeepFor(entry) || Interlocked.Exchange(ref entry.Refreshing, 1) == 1)
            {
                return cached;
            }
        }

        try
        {
            // One computation per key and version, shared by whoever asks meanwhile; each caller stops waiting when its own
            // request ends. It runs on the first caller's services: if that request is torn down under it, the others
            // compute on their own instead of failing with it.
            Lazy<Task<object?>>? mine = null;
            var computing = _computing.GetOrAdd((key, current), k => mine = new Lazy<Task<object?>>(() => ComputeAsync(k, compute)));
            var started = ReferenceEquals(mine, computing);
            try
            {
                return (T)(await computing.Value.WaitAsync(ct))!;
            }
            catch (Exception) when (!started && !ct.IsCancellationRequested)
            {
                return await compute(ct);
            }
        }
        catch
        {
            if (entry is not null)
            {
                Interlocked.Exchange(ref entry.Refreshing, 0);
            }

            throw;
        }
    }

    private async Task<object?> ComputeAsync<T>((string Key, long Version) at, Func<CancellationToken, Task<T>> compute)
    {
        try
        {
            var started = clock.GetTimestamp();
            var value = await compute(CancellationToken.None);
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            var done = clock.GetTimestamp();
            _entries[at.Key] = new Entry(value, at.Version, done, clock.GetElapsedTime(started, done));
            return value;
        }
        finally
        {
            // The slot is this key's at this version: once the entry is stored, requests read it instead.
            _computing.TryRemove(at, out _);
        }
    }

    private sealed class Entry(object? value, long version, long at, TimeSpan cost)
    {
        /// <summary>What computing the value took.</summary>
        public TimeSpan Cost { get; } = cost;

        public int Refreshing;

        public object? Value { get; } = value;

        public long Version { get; } = version;

        public long At { get; } = at;
    }
}
