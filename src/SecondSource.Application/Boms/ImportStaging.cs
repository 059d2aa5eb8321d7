using System.Security.Cryptography;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Boms;

/// <summary>
/// Holds an uploaded BOM between its preview and the confirmed import, by content: the file is written to a
/// temporary name, flushed, then renamed to its SHA-256 under <c>&lt;data&gt;/imports</c>, so a half-written upload
/// never carries a final name and the same file staged twice is one file.
/// </summary>
public sealed class ImportStaging(DatabaseSettings settings)
{
    private string Folder => Path.Combine(settings.DataFolder, "imports");

    public async Task<string> StageAsync(Stream upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.part");
        string sha;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await upload.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var final = PathOf(sha);
            if (File.Exists(final))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, final);
            }

            return sha;
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }

    /// <summary>The staged file, or null when the hash is unknown (or not a hash at all).</summary>
    public FileStream? Open(string sha) =>
        sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower) && File.Exists(PathOf(sha))
            ? new FileStream(PathOf(sha), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
            : null;

    private string PathOf(string sha) => Path.Combine(Folder, sha + ".bom");
}
