using SecondSource.Application.Persistence;

namespace SecondSource.Application.Boms;

/// <summary>
/// Holds an uploaded BOM between its preview and the confirmed import, by content under <c>&lt;data&gt;/imports</c>
/// (see <see cref="ContentStore"/>): a half-written upload never carries a final name and the same file staged twice
/// is one file.
/// </summary>
public sealed class ImportStaging(DatabaseSettings settings)
{
    private readonly ContentStore _store = new(Path.Combine(settings.DataFolder, "imports"), ".bom");

    public async Task<string> StageAsync(Stream upload, CancellationToken ct) => (await _store.StoreAsync(upload, ct)).Sha256;

    /// <summary>The staged file, or null when the hash is unknown (or not a hash at all).</summary>
    public FileStream? Open(string sha) => _store.Open(sha);
}
