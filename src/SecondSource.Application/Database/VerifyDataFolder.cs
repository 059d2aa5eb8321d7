using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;

namespace SecondSource.Application.Database;

/// <summary>What a verification found: counts checked and every problem, each naming its place.</summary>
public sealed record DataFolderVerdict(int Files, long LogEntries, IReadOnlyList<string> Problems)
{
    /// <summary>The newest signed checkpoint the log agrees with, in words; null when there is none.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>Software keys checked against the key-encryption key.</summary>
    public int Keys { get; init; }

    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Checks an installation (after a crash or a restore): SQLite's integrity check, every stored row's file present with
/// its SHA-256 (vault revisions and signed NDAs, AVL evidence, BOM revisions' source files), the access log's hash chain, and
/// the log's agreement with its newest signed checkpoints (in the database and in the checkpoint folder), that every key in the software key store opens with the key-encryption key present and is the key its row names (a
/// restore without the key-encryption key is not intact: no firmware can be signed, no certificate issued). Keys in a
/// PKCS#11 token are the token's to check. It reads every row of every party: an operator's command.
/// </summary>
public sealed class VerifyDataFolderHandler(SecondSourceDbContext db, DatabaseSettings settings, VerifyAccessLogHandler accessLog, Provisioning.SoftwareKeyStore keyStore)
{
    public async Task<DataFolderVerdict> HandleAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        if (settings.Provider == DatabaseProvider.Sqlite && await RestoreDataFolderHandler.IntegrityAsync(settings.Location, ct) is { } integrity)
        {
            problems.Add($"{settings.Location}: {integrity}");
        }

        var revisions = (await db.ArtifactRevisions.AsNoTracking().Select(r => r.Sha256).ToListAsync(ct))
            .Concat(await db.Ndas.AsNoTracking().Select(n => n.DocumentSha256).ToListAsync(ct)).Distinct().ToList();
        var evidence = (await db.QualificationEvidence.AsNoTracking().Select(e => e.Sha256).ToListAsync(ct))
            .Concat(await db.AcceptanceEvidence.AsNoTracking().Select(e => e.Sha256).ToListAsync(ct)).Distinct().ToList();
        var boms = await db.BomRevisions.AsNoTracking().Select(r => r.Sha256).Distinct().ToListAsync(ct);
        var files = 0;
        foreach (var (folder, extension, hashes) in new[] { ("vault", ".bin", revisions), ("evidence", ".bin", evidence), ("imports", ".bom", boms) })
        {
            foreach (var sha in hashes)
            {
                var path = Path.Combine(settings.DataFolder, folder, sha + extension);
                files++;
                if (!File.Exists(path))
                {
                    problems.Add($"{folder}/{sha}{extension}: missing (a stored row names it)");
                }
                else if ((await DataFolderLayout.DescribeAsync(settings.DataFolder, path, ct)).Sha256 != sha)
                {
                    problems.Add($"{folder}/{sha}{extension}: its content no longer has that SHA-256");
                }
            }
        }

        var log = await accessLog.HandleAsync(new VerifyAccessLogRequest([]), ct);
        if (log.Failure is { } unreadable)
        {
            problems.Add($"access log checkpoint: {unreadable.Message}");
        }

        var verdict = log.Value;
        if (verdict is { Chain.Intact: false })
        {
            problems.Add($"access log: entry {verdict.Chain.FirstBroken} breaks the hash chain ({verdict.Chain.Reason})");
        }

        problems.AddRange((verdict?.Checkpoints ?? []).Where(c => !c.Holds).Select(c => $"access log: {c.Problem}"));

        var keys = await db.CustodyKeys.AsNoTracking().Where(k => k.Backend == Domain.Provisioning.KeyBackend.Software)
            .Select(k => new { k.Name, k.Handle, k.Algorithm, k.PublicKey }).ToListAsync(ct);
        foreach (var key in keys)
        {
            if (keyStore.Check(key.Handle, key.Algorithm, key.PublicKey) is { } problem)
            {
                problems.Add($"key '{key.Name}' (software key store): {problem}");
            }
        }

        return new DataFolderVerdict(files, verdict?.Entries ?? 0, problems)
        {
            Keys = keys.Count,
            Checkpoint = verdict?.Latest is { } latest ? $"{latest.Checkpoint.Size:N0} entries, signed {latest.Checkpoint.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : null,
        };
    }
}
