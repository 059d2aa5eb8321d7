namespace SecondSource.Application.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Writers that meet in the database wait through its busy handling (polling), and
/// a transaction that read before it wrote can be refused outright when another committed in between (its snapshot is
/// stale): under concurrent ingest that turned into 409s and 30-second stalls. Long write transactions of this process
/// therefore queue here first — in order, without polling — and reach SQLite one at a time. On PostgreSQL, which runs
/// writers side by side, the gate is open. Other processes (the CLI) still meet the database's own locking.
/// </summary>
public sealed class SqliteWriteGate(DatabaseSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for this process's turn to write (SQLite only); dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return Open.Instance;
        }

        await _gate.WaitAsync(ct);
        return new Turn(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
