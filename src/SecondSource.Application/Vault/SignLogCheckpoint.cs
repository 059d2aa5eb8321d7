using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Provisioning;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record SignLogCheckpointRequest(Actor Actor);

/// <summary>The checkpoint that now vouches for the log, the file it is in, and whether it was signed just now (false: the log had not grown since it).</summary>
public sealed record SignedLogCheckpoint(LogCheckpoint Checkpoint, string File, bool IsNew);

/// <summary>
/// Signs the access log's size and head hash with the buyer's checkpoint key in custody and writes the checkpoint to
/// the database and, read-only, to the checkpoint folder (<see cref="AuditOptions"/>). Before signing, the part of the
/// log written since the last checkpoint is checked: its entry still has the last head hash and every later entry
/// chains, so a checkpoint never vouches for a cut or altered log. When the log has not grown since the last
/// checkpoint, that one stands (its file is written again if the folder lacks it). With no checkpoint key yet, one is
/// generated in the default backend (and logged like every key). It runs for the buyer or the system (the log and the
/// keys are the buyer's), so it reads through the party filter like any buyer query.
/// </summary>
public sealed class SignLogCheckpointHandler(SecondSourceDbContext db, KeyCustody custody, CreateCustodyKeyHandler keys, AuditOptions options, TimeProvider clock)
{
    public const string DefaultKeyName = "Access-log checkpoint key";

    public async Task<Result<SignedLogCheckpoint>> HandleAsync(SignLogCheckpointRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.AccessLog.AnyAsync(ct))
        {
            return Fail.Invalid("The access log is empty: there is nothing to sign yet.");
        }

        // Generating the key logs it, so the tail is read after.
        var key = await CheckpointKeyAsync(request.Actor, ct);
        if (key.Failure is { } noKey)
        {
            return noKey;
        }

        var tail = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync(ct);

        var last = await db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).ThenByDescending(c => c.SignedAt).FirstOrDefaultAsync(ct);
        if (last is not null && last.Size > tail.Sequence)
        {
            return Fail.Conflict($"The access log ends at entry {tail.Sequence}, before the last checkpoint ({last.Size} entries, signed {last.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC): entries were cut or an older backup was restored. Nothing was signed; 'secondsource audit verify' names what is missing.");
        }

        if (last is not null && last.Size == tail.Sequence && last.Head == tail.Hash)
        {
            return Result.Ok(new SignedLogCheckpoint(last, await EnsureFileAsync(last, ct), IsNew: false));
        }

        if (await BreakSinceAsync(last, tail.Sequence, ct) is { } broken)
        {
            return Fail.Conflict($"The access log does not verify since the last checkpoint: {broken}. A checkpoint would vouch for it, so none was signed; 'secondsource audit verify' gives the details.");
        }

        var origin = await OriginAsync(db, ct);
        var at = clock.GetUtcNow();
        LogCheckpoint checkpoint;
        try
        {
            var signature = custody.SignData(key.Value!, LogCheckpoint.ToSign(origin, tail.Sequence, tail.Hash, at, key.Value!.Name, key.Value.Fingerprint));
            checkpoint = LogCheckpoint.Record(Guid.CreateVersion7(), origin, tail.Sequence, tail.Hash, at, key.Value.Id, key.Value.Name, key.Value.PublicKey, signature, request.Actor.Name);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid($"The checkpoint could not be signed: {ex.Message}");
        }

        // The file first (as a temporary), so a checkpoint exists outside the database or not at all.
        var file = Path.Combine(options.CheckpointFolder, checkpoint.FileName);
        var part = file + ".part";
        try
        {
            Directory.CreateDirectory(options.CheckpointFolder);
            await File.WriteAllTextAsync(part, checkpoint.Text, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail.Invalid($"The checkpoint folder {options.CheckpointFolder} (Audit:CheckpointFolder) cannot be written: {ex.Message} Nothing was signed.");
        }

        try
        {
            db.LogCheckpoints.Add(checkpoint);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(part);
            throw;
        }

        Seal(part, file);
        return Result.Ok(new SignedLogCheckpoint(checkpoint, file, IsNew: true));
    }

    /// <summary>Whose log this is: the buyer's name.</summary>
    public static async Task<string> OriginAsync(SecondSourceDbContext db, CancellationToken ct) =>
        await db.Parties.Where(p => p.Kind == PartyKind.Buyer).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "SecondSource";

    private async Task<Result<CustodyKey>> CheckpointKeyAsync(Actor actor, CancellationToken ct)
    {
        var key = await db.CustodyKeys.Where(k => k.Purpose == KeyPurpose.LogCheckpoint).OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (key is not null)
        {
            return Result.Ok(key);
        }

        var name = await db.CustodyKeys.AnyAsync(k => k.Name == DefaultKeyName, ct) ? $"{DefaultKeyName} {clock.GetUtcNow():yyyy-MM-dd HHmmss}" : DefaultKeyName;
        var created = await keys.HandleAsync(new CreateCustodyKeyRequest(name, KeyPurpose.LogCheckpoint, KeyAlgorithm.EcdsaP256, null, actor), ct);
        if (created.Failure is { } failure)
        {
            return Fail.Invalid($"There is no checkpoint key and none could be generated: {failure.Message}");
        }

        return Result.Ok(await db.CustodyKeys.SingleAsync(k => k.Id == created.Value, ct));
    }

    /// <summary>What breaks the log between the last checkpoint (or the start) and <paramref name="size"/>, in words; null when nothing does.</summary>
    private async Task<string?> BreakSinceAsync(LogCheckpoint? last, long size, CancellationToken ct)
    {
        var chain = new AccessLogChain();
        if (last is not null)
        {
            var head = await db.AccessLog.AsNoTracking().Where(e => e.Sequence == last.Size).Select(e => e.Hash).FirstOrDefaultAsync(ct);
            if (head != last.Head)
            {
                return head is null ? $"entry {last.Size}, the last checkpoint's head, is missing" : $"entry {last.Size} no longer has the last checkpoint's head hash";
            }

            chain = new AccessLogChain(last.Size, last.Head);
        }

        var from = last?.Size ?? 0;
        await foreach (var entry in db.AccessLog.AsNoTracking().Where(e => e.Sequence > from && e.Sequence <= size).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!chain.Add(entry))
            {
                break;
            }
        }

        var verdict = chain.Verdict;
        return verdict.Intact ? verdict.Checked < size ? $"entry {verdict.Checked + 1} is missing" : null : $"entry {verdict.FirstBroken}: {verdict.Reason}";
    }

    private async Task<string> EnsureFileAsync(LogCheckpoint checkpoint, CancellationToken ct)
    {
        var file = Path.Combine(options.CheckpointFolder, checkpoint.FileName);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(options.CheckpointFolder);
            await File.WriteAllTextAsync(file + ".part", checkpoint.Text, ct);
            Seal(file + ".part", file);
        }

        return file;
    }

    /// <summary>Moves the finished temporary into place without replacing anything, and makes it read-only.</summary>
    private static void Seal(string part, string file)
    {
        File.Move(part, file, overwrite: false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        else
        {
            File.SetAttributes(file, FileAttributes.ReadOnly);
        }
    }
}
