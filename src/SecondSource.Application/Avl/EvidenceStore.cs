using SecondSource.Application.Persistence;

namespace SecondSource.Application.Avl;

/// <summary>Evidence files (qualification reports, first-article records) by content under <c>&lt;data&gt;/evidence</c>; see <see cref="ContentStore"/>.</summary>
public sealed class EvidenceStore(DatabaseSettings settings)
{
    private readonly ContentStore _store = new(Path.Combine(settings.DataFolder, "evidence"), ".bin");

    public Task<StoredContent> StoreAsync(Stream content, CancellationToken ct) => _store.StoreAsync(content, ct);

    public FileStream? Open(string sha) => _store.Open(sha);

    public bool Has(string sha)
    {
        using var file = _store.Open(sha);
        return file is not null;
    }
}
