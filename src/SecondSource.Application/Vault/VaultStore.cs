using SecondSource.Application.Persistence;

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

    public FileStream? Open(string sha) => _store.Open(sha);
}
