using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <param name="Checkpoints">Checkpoint files or folders the caller holds (a folder stands for its newest checkpoint).</param>
/// <param name="ShowPaths">Whether a checkpoint file is named by its path (an operator's command) or, on a page, as "the
/// checkpoint folder" (people are not shown the server's paths).</param>
/// <param name="After">The last entry (sequence and hash) of a prefix an earlier full check of this log found intact: the
/// chain is checked from the entry after it, reading only the newer entries. Ignored (the whole log is read) when the
/// stored entry no longer has that hash or is gone.</param>
public sealed record VerifyAccessLogRequest(IReadOnlyList<string> Checkpoints, bool ShowPaths = true, (long Sequence, string Hash)? After = null);

/// <summary>
/// Checks the access log: its hash chain, streamed once in sequence order, and whether the log still agrees with the
/// newest signed checkpoint in the database, the newest in the checkpoint folder and each one the caller passes. The
/// chain alone proves order; a checkpoint proves where the log ended, so cutting its newest entries, restoring an
/// older backup or rewriting the history are each reported with the checkpoint they contradict. A checkpoint file
/// that cannot be read is an input error naming the file and line.
/// </summary>
public sealed class VerifyAccessLogHandler(SecondSourceDbContext db, AuditOptions options)
{
    public const string DatabaseSource = "the database";

    public const string FolderSource = "the checkpoint folder";

    public async Task<Result<LogVerdict>> HandleAsync(VerifyAccessLogRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new List<(string Source, LogCheckpoint Checkpoint)>();
        if (await db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).ThenByDescending(c => c.SignedAt).FirstOrDefaultAsync(ct) is { } stored)
        {
            found.Add((DatabaseSource, stored));
        }

        try
        {
            if (Newest(options.CheckpointFolder) is { } kept)
            {
                found.Add((request.ShowPaths ? kept : FolderSource, await ReadAsync(kept, request.ShowPaths ? kept : $"{FolderSource}, file {Path.GetFileName(kept)}", ct)));
            }

            foreach (var path in request.Checkpoints)
            {
                var file = Directory.Exists(path) ? Newest(path) ?? throw new DomainException($"{path}: the folder holds no checkpoint (*{LogCheckpoint.Extension}).")
                    : File.Exists(path) ? path : throw new DomainException($"{path}: no such file or folder.");
                found.Add((file, await ReadAsync(file, file, ct)));
            }
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        var keys = (await db.CustodyKeys.AsNoTracking().Where(k => k.Purpose == KeyPurpose.LogCheckpoint).Select(k => k.Fingerprint).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        (long Sequence, string Hash)? after = null;
        if (request.After is { } prefix && await HashOfAsync(prefix.Sequence, ct) == prefix.Hash)
        {
            after = prefix;
        }

        var audit = new AccessLogAudit(Distinct(found), await SignLogCheckpointHandler.OriginAsync(db, ct), keys, after);
        foreach (var size in audit.SizesInPrefix.ToList())
        {
            if (await HashOfAsync(size, ct) is { } hash)
            {
                audit.Known(size, hash);
            }
        }

        var log = db.AccessLog.AsNoTracking();
        if (after is { } from)
        {
            log = log.Where(e => e.Sequence > from.Sequence);
        }

        await foreach (var entry in log.OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            audit.Add(entry);
        }

        return Result.Ok(audit.Finish());
    }

    private Task<string?> HashOfAsync(long sequence, CancellationToken ct) =>
        db.AccessLog.AsNoTracking().Where(e => e.Sequence == sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);

    /// <summary>The newest checkpoint file of a folder: names start with the zero-padded size, so the last name in order.</summary>
    private static string? Newest(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + LogCheckpoint.Extension).Order(StringComparer.Ordinal).LastOrDefault()
            : null;

    /// <summary>Reads a checkpoint file; <paramref name="name"/> is how errors name it.</summary>
    private static async Task<LogCheckpoint> ReadAsync(string file, string name, CancellationToken ct)
    {
        var info = new FileInfo(file);
        if (info.Length > 64 * 1024)
        {
            throw new DomainException($"{name}: {info.Length:N0} bytes is far too large for a checkpoint (they are under 1 KB).");
        }

        return LogCheckpoint.Parse(await File.ReadAllTextAsync(file, ct), name);
    }

    /// <summary>The same checkpoint found in several places is checked once, its sources joined.</summary>
    private static IEnumerable<(string, LogCheckpoint)> Distinct(List<(string Source, LogCheckpoint Checkpoint)> found) =>
        found.GroupBy(f => (f.Checkpoint.Size, f.Checkpoint.Head, Convert.ToBase64String(f.Checkpoint.Signature)))
            .Select(g => (string.Join(" and ", g.Select(f => f.Source).Distinct()), g.First().Checkpoint));
}
