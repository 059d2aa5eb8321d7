using System.Security.Cryptography;

namespace SecondSource.Application.Persistence;

/// <summary>A file stored by content: its SHA-256 (lower-case hex) and its size in bytes.</summary>
public sealed record StoredContent(string Sha256, long Size);

/// <summary>
/// Files kept by their SHA-256 in one folder of the data folder: written to a temporary name, flushed to disk, then
/// renamed, so a half-written file never carries a final name, and the same content stored twice is one file.
/// Nothing is overwritten or deleted here.
/// </summary>
public sealed class ContentStore(string folder, string extension)
{
    public async Task<StoredContent> StoreAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.part");
        try
        {
            string sha;
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
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

            return new StoredContent(sha, size);
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

    /// <summary>The stored file, or null when the hash is unknown (or not a hash at all).</summary>
    public FileStream? Open(string sha) =>
        IsSha256(sha) && File.Exists(PathOf(sha))
            ? new FileStream(PathOf(sha), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous)
            : null;

    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);

    private string PathOf(string sha) => Path.Combine(folder, sha + extension);
}
