namespace SecondSource.Domain.Vault;

/// <summary>How a checkpoint compares with the log.</summary>
public enum CheckpointOutcome
{
    /// <summary>The log still holds the checkpoint's entries, ending in its head hash, and chains up to it.</summary>
    Holds = 1,

    /// <summary>The log ends before the checkpoint's size: its newest entries were cut, or an older backup was restored.</summary>
    Truncated = 2,

    /// <summary>The entry at the checkpoint's size has another hash, or the chain before it breaks: the history was rewritten.</summary>
    Rewritten = 3,

    /// <summary>The signature does not verify: the checkpoint was changed after it was signed.</summary>
    Altered = 4,

    /// <summary>Signed by a key that is not one of this installation's checkpoint keys.</summary>
    UnknownKey = 5,

    /// <summary>A checkpoint of another installation's log.</summary>
    OtherLog = 6,
}

/// <summary>One checkpoint checked against the log: where it was found, and what contradicts it (null when it holds).</summary>
public sealed record CheckpointCheck(string Source, LogCheckpoint Checkpoint, CheckpointOutcome Outcome, string? Problem)
{
    public bool Holds => Outcome == CheckpointOutcome.Holds;
}

/// <summary>The log's verdict: its hash chain, and each checkpoint it was checked against.</summary>
/// <param name="Chain">The hash chain's verdict.</param>
/// <param name="Entries">The entries the log holds (its last sequence read).</param>
/// <param name="Checkpoints">Each checkpoint it was checked against.</param>
/// <param name="HeadHash">The hash of the last entry of an intact chain (where the next check can resume); null when broken.</param>
/// <param name="ResumedAfter">The entries before this check that an earlier full check verified (0: this check read the whole log).</param>
public sealed record LogVerdict(ChainVerdict Chain, long Entries, IReadOnlyList<CheckpointCheck> Checkpoints, string? HeadHash = null, long ResumedAfter = 0)
{
    public bool Intact => Chain.Intact && Checkpoints.All(c => c.Holds);

    /// <summary>The newest checkpoint that holds (the most entries it vouches for), if any.</summary>
    public CheckpointCheck? Latest => Checkpoints.Where(c => c.Holds).MaxBy(c => (c.Checkpoint.Size, c.Checkpoint.SignedAt));
}

/// <summary>
/// Checks the access log against signed checkpoints while its entries stream past once, in sequence order: the hash
/// chain (<see cref="AccessLogChain"/>), and for every checkpoint whether the log still reaches its size with its head
/// hash, chained. A chain that only proves order is completed by the checkpoints: they prove where the log ended.
/// Entries keep being read after the chain breaks, so a log both altered and cut is reported as both.
/// </summary>
public sealed class AccessLogAudit
{
    private readonly AccessLogChain _chain;
    private readonly long _resumedAfter;
    private readonly IReadOnlyList<(string Source, LogCheckpoint Checkpoint)> _checkpoints;
    private readonly Dictionary<long, string?> _hashes;
    private readonly string _origin;
    private readonly IReadOnlySet<string> _keys;
    private long _entries;

    /// <param name="checkpoints">Each checkpoint with where it was found ("the database", a file path).</param>
    /// <param name="origin">This installation's log: the origin its checkpoints carry.</param>
    /// <param name="checkpointKeys">Fingerprints of the keys this installation signs checkpoints with.</param>
    /// <param name="after">An intact prefix an earlier full check verified (its last sequence and hash): the chain is checked
    /// from the entry after it, and only those entries are fed. Checkpoints inside the prefix are told their entry's
    /// hash through <see cref="Known"/>. Null: the whole log is fed from entry 1.</param>
    public AccessLogAudit(IEnumerable<(string Source, LogCheckpoint Checkpoint)> checkpoints, string origin, IReadOnlySet<string> checkpointKeys, (long Sequence, string Hash)? after = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        _chain = after is { } prefix ? new AccessLogChain(prefix.Sequence, prefix.Hash) : new AccessLogChain();
        _resumedAfter = after?.Sequence ?? 0;
        _entries = _resumedAfter;
        _checkpoints = [.. checkpoints];
        _hashes = _checkpoints.Select(c => c.Checkpoint.Size).Distinct().ToDictionary(s => s, _ => (string?)null);
        _origin = origin;
        _keys = checkpointKeys;
    }

    /// <summary>Feeds the next entry in sequence order.</summary>
    public void Add(AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _chain.Add(entry);
        _entries = Math.Max(_entries, entry.Sequence);
        if (_hashes.ContainsKey(entry.Sequence))
        {
            _hashes[entry.Sequence] = entry.Hash;
        }
    }

    /// <summary>The stored hash of an entry inside the verified prefix that a checkpoint names (a resumed check does not feed it).</summary>
    public void Known(long sequence, string hash)
    {
        if (sequence <= _resumedAfter && _hashes.ContainsKey(sequence))
        {
            _hashes[sequence] = hash;
        }
    }

    /// <summary>The sizes of the checkpoints whose entry lies inside the verified prefix: their hashes are needed through <see cref="Known"/>.</summary>
    public IEnumerable<long> SizesInPrefix => _hashes.Keys.Where(s => s <= _resumedAfter);

    public LogVerdict Finish()
    {
        var chain = _chain.Verdict;
        var checks = _checkpoints.Select(c => Check(c.Source, c.Checkpoint, chain)).ToList();
        return new LogVerdict(chain, _entries, checks, chain.Intact ? _chain.HeadHash : null, _resumedAfter);
    }

    private CheckpointCheck Check(string source, LogCheckpoint checkpoint, ChainVerdict chain)
    {
        var signed = $"the checkpoint signed {checkpoint.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({source})";
        if (!checkpoint.FingerprintMatchesKey || !checkpoint.SignatureVerifies())
        {
            return new(source, checkpoint, CheckpointOutcome.Altered, $"{signed} does not verify with the public key it carries: it was changed after it was signed.");
        }

        if (!_keys.Contains(checkpoint.KeyFingerprint))
        {
            return new(source, checkpoint, CheckpointOutcome.UnknownKey, $"{signed} is signed by key {checkpoint.KeyFingerprint[..16]}…, which is not a checkpoint key of this installation.");
        }

        if (checkpoint.Origin != _origin)
        {
            return new(source, checkpoint, CheckpointOutcome.OtherLog, $"{signed} is of the log of '{checkpoint.Origin}', not of this installation ('{_origin}').");
        }

        if (_entries < checkpoint.Size)
        {
            var missing = _entries + 1 == checkpoint.Size ? $"entry {checkpoint.Size} is" : $"entries {_entries + 1}–{checkpoint.Size} are";
            return new(source, checkpoint, CheckpointOutcome.Truncated,
                $"the log ends at entry {_entries}, but {signed} covers {checkpoint.Size}: {missing} gone — cut from the log, or a backup older than the checkpoint was restored.");
        }

        if (_hashes[checkpoint.Size] is not { } found)
        {
            return new(source, checkpoint, CheckpointOutcome.Rewritten,
                $"the log has no entry {checkpoint.Size}, the head of {signed}: the history up to it was rewritten.");
        }

        if (found != checkpoint.Head)
        {
            return new(source, checkpoint, CheckpointOutcome.Rewritten,
                $"entry {checkpoint.Size} has hash {found[..12]}…, but {signed} says {checkpoint.Head[..12]}…: the history up to entry {checkpoint.Size} was rewritten.");
        }

        if (chain.FirstBroken is { } broken && broken <= checkpoint.Size)
        {
            return new(source, checkpoint, CheckpointOutcome.Rewritten,
                $"entry {checkpoint.Size} still has the head hash of {signed}, but the chain before it breaks at entry {broken}: entries it covers were changed.");
        }

        return new(source, checkpoint, CheckpointOutcome.Holds, null);
    }
}
