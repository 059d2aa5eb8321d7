using SecondSource.Application.Persistence;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>
/// The vault's content, by SHA-256 under <c>&lt;data&gt;/vault</c> (see <see cref="ContentStore"/>): the file is on
/// disk under its final name before any row names it, and the same content is stored once.
/// </summary>
public sealed class VaultStore(DatabaseSettings settings)
{
    /// <summary>The largest file the vault takes (a Gerber or ODB++ archive of a large board fits).</summary>
    public const long MaxFileBytes = 200L << 20;

    private readonly ContentStore _store = new(Path.Combine(settings.DataFolder, "vault"), ".bin");

    public Task<StoredContent> StoreAsync(Stream content, CancellationToken ct) => _store.StoreAsync(content, ct);

    /// <summary>
    /// Stores the content and describes it for a revision or an NDA: hash, size, the name it came under (a label, never
    /// a path) and its media type. A <see cref="Domain.Common.DomainException"/> names an empty or oversize file.
    /// </summary>
    public async Task<StoredFile> StoreFileAsync(Stream content, string fileName, string? mediaType, CancellationToken ct)
    {
        var stored = await _store.StoreAsync(content, ct);
        return StoredFile.Of(stored.Sha256, stored.Size, fileName, mediaType, MaxFileBytes);
    }

    public FileStream? Open(string sha) => _store.Open(sha);
}
