using System.Security.Cryptography;
using System.Text.Json;

namespace SecondSource.Application.Database;

/// <summary>One file of a full backup: its path relative to the data folder, SHA-256 and size.</summary>
public sealed record BackupFile(string Path, string Sha256, long Bytes);

/// <summary>What a full backup holds (<c>manifest.json</c>): when, the database file and every content file, with hashes.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, BackupFile Database, IReadOnlyList<BackupFile> Files, IReadOnlyList<string> NotIncluded);

/// <summary>
/// The parts of a data folder a full backup carries besides the database: the content stores (vault revisions, AVL
/// evidence, staged BOM files — all stored by SHA-256, never changed or deleted), the wrapped private keys of the
/// software key store. The Data Protection key ring (sign-in sessions, download links) is in the database and travels
/// with it. The key-encryption key is never copied: a backup that held it would hold the signing keys.
/// </summary>
public static class DataFolderLayout
{
    public const string ManifestName = "manifest.json";

    public static readonly string[] Folders = ["vault", "evidence", "imports", "keystore"];

    public static readonly string[] NotIncluded =
    [
        "keystore-kek: the key-encryption key of the software key store; keep it apart from the backup (a systemd credential, a secrets manager) and put it back before starting a restored installation",
        "incoming: test-log uploads in flight",
    ];

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupFile> DescribeAsync(string root, string file, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BackupFile(System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), Convert.ToHexStringLower(hash), stream.Length);
    }

    /// <summary>The content files of a data folder, skipping files still being written (<c>.part</c>).</summary>
    public static IEnumerable<string> ContentFiles(string dataFolder) =>
        Folders.Select(f => System.IO.Path.Combine(dataFolder, f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".part", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
