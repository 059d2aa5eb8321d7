using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

/// <summary>A key in custody as the custody page shows it: never more than its public half.</summary>
public sealed record KeyView(Guid Id, string Name, KeyPurpose Purpose, KeyBackend Backend, KeyAlgorithm Algorithm, string Fingerprint, DateTimeOffset CreatedAt, string CreatedBy,
    bool HasCaCertificate, long CrlNumber, DateTimeOffset? CrlPublishedAt)
{
    /// <summary>How the backend protects the private key, as it reports it now (read from the token for PKCS#11).</summary>
    public string Protection { get; init; } = "";

    public string FingerprintGroups => string.Join(' ', Enumerable.Range(0, Fingerprint.Length / 4).Select(i => Fingerprint.Substring(i * 4, 4)));
}

public sealed record ReleaseView(Guid Id, Guid ProductId, string Product, string Version, Guid RevisionId, int RevisionNumber, string FileName, string ImageSha256,
    DateTimeOffset ApprovedAt, string ApprovedBy, DateTimeOffset? SignedAt, string? SignedBy, string? KeyName, string? KeyFingerprint);

public sealed record SerialBlockView(Guid Id, Guid BatchId, string Batch, string Line, string Product, string FirstSerial, string LastSerial, long Count, int Issued, int BatchQuantity, bool Open);

public sealed record OpenBatch(Guid Id, string Product, string Line, string Name, int Quantity, long Allocated);

public sealed record CertificateView(Guid Id, string Product, string Serial, string Line, string Batch, string? FirmwareVersion, string CertificateSerial, string Subject,
    DateTimeOffset IssuedAt, DateTimeOffset NotAfter, string RequestedBy, DateTimeOffset? RevokedAt, string? RevocationReason, Guid ProductId);

public sealed record CertificatePage(IReadOnlyList<CertificateView> Items, int Total, int Page, int PageSize);

/// <summary>A firmware version units report (from test data or certificate requests) that is not released for the product.</summary>
public sealed record FirmwareWarning(string Product, string Line, string Version, int Units);

/// <summary>A signed release a line can fetch: the image through the vault, the signature and the key to check it here.</summary>
public sealed record GrantedRelease(Guid ReleaseId, string Product, string Version, Guid RevisionId, string FileName, string ImageSha256, string SignatureBase64, string KeyFingerprint, string PublicKeyPem);

/// <summary>What the provisioning pages read. Manufacturers see their own blocks and certificates (party filter) and the releases granted to them.</summary>
public sealed class ProvisioningQueries(SecondSourceDbContext db, VaultAccessGate gate, KeyCustody custody, Pkcs11KeyStore pkcs11)
{
    public const int PageSize = 50;

    public IReadOnlyList<(KeyBackend Backend, string Location, string? Unavailable)> Backends() =>
        [.. custody.Backends.Select(b => (b.Backend, b.Unavailable is null ? b.Location : "", b.Unavailable))];

    public KeyBackend DefaultBackend => custody.DefaultBackend;

    public async Task<IReadOnlyList<KeyView>> KeysAsync(CancellationToken ct)
    {
        var rows = await db.CustodyKeys.AsNoTracking().OrderBy(k => k.Purpose).ThenBy(k => k.Name)
            .Select(k => new { View = new KeyView(k.Id, k.Name, k.Purpose, k.Backend, k.Algorithm, k.Fingerprint, k.CreatedAt, k.CreatedBy, k.CaCertificate != null, k.CrlNumber, k.CrlPublishedAt), k.Handle })
            .ToListAsync(ct);
        return [.. rows.Select(r => r.View with { Protection = ProtectionOf(r.View.Backend, r.Handle) })];
    }

    /// <summary>The software store's wrapping, or what the token says about the key right now; a key a token would release is flagged.</summary>
    private string ProtectionOf(KeyBackend backend, string handle)
    {
        if (backend == KeyBackend.Software)
        {
            return "wrapped with AES-256-GCM under the key-encryption key";
        }

        if (pkcs11.Unavailable is not null)
        {
            return "token not reachable from this process";
        }

        try
        {
            var p = pkcs11.Inspect(handle);
            return p is { Sensitive: true, Extractable: false, ValueReadable: false }
                ? $"on the token: sensitive, not extractable{(p.NeverExtractable ? ", never extractable" : "")}"
                : "WARNING: the token would release this key (sensitive or non-extractable flag off)";
        }
        catch (Exception ex) when (ex is Domain.Common.DomainException or Net.Pkcs11Interop.Common.Pkcs11Exception)
        {
            return $"token check failed: {ex.Message}";
        }
    }

    /// <summary>The public material of a key: its SubjectPublicKeyInfo, and a CA's certificate and latest CRL.</summary>
    public async Task<(string Name, byte[] PublicKey, byte[]? CaCertificate, byte[]? Crl)?> PublicMaterialAsync(Guid keyId, CancellationToken ct) =>
        await db.CustodyKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => new { k.Name, k.PublicKey, k.CaCertificate, k.Crl }).SingleOrDefaultAsync(ct) is { } k
            ? (k.Name, k.PublicKey, k.CaCertificate, k.Crl) : null;

    /// <summary>A device CA's certificate and latest published CRL, read past the buyer-only filter: both are public by design (relying parties fetch them).</summary>
    public async Task<(byte[]? Certificate, byte[]? Crl)?> PublicCaMaterialAsync(Guid caKeyId, CancellationToken ct) =>
        await db.CustodyKeys.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking().Where(k => k.Id == caKeyId && k.Purpose == KeyPurpose.DeviceCa)
            .Select(k => new { k.CaCertificate, k.Crl }).SingleOrDefaultAsync(ct) is { } found ? (found.CaCertificate, found.Crl) : null;

    public async Task<IReadOnlyList<ReleaseView>> ReleasesAsync(Guid? productId, CancellationToken ct) =>
        await (from r in db.FirmwareReleases.AsNoTracking()
               join p in db.Products on r.ProductId equals p.Id
               join rev in db.ArtifactRevisions on r.RevisionId equals rev.Id
               join k in db.CustodyKeys on r.SigningKeyId equals k.Id into keys
               from k in keys.DefaultIfEmpty()
               where productId == null || r.ProductId == productId
               orderby p.Name, r.ApprovedAt descending
               select new ReleaseView(r.Id, r.ProductId, p.Name, r.Version, rev.Id, rev.Number, rev.FileName, r.ImageSha256, r.ApprovedAt, r.ApprovedBy, r.SignedAt, r.SignedBy,
                   k == null ? null : k.Name, k == null ? null : k.Fingerprint)).ToListAsync(ct);

    public async Task<FirmwareRelease?> ReleaseAsync(Guid id, CancellationToken ct) => await db.FirmwareReleases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<ProvisioningProfile?> ProfileAsync(Guid productId, CancellationToken ct) =>
        await db.ProvisioningProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.ProductId == productId, ct);

    public async Task<IReadOnlyList<(Guid ProductId, string Product, ProvisioningProfile? Profile)>> ProfilesAsync(CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var profiles = await db.ProvisioningProfiles.AsNoTracking().ToDictionaryAsync(p => p.ProductId, ct);
        return [.. products.Select(p => (p.Id, p.Name, profiles.GetValueOrDefault(p.Id)))];
    }

    public async Task<IReadOnlyList<SerialBlockView>> BlocksAsync(DateTimeOffset now, CancellationToken ct) =>
        await (from b in db.SerialBlocks.AsNoTracking()
               join batch in db.TestBatches on b.BatchId equals batch.Id
               join line in db.Lines on b.LineId equals line.Id
               join p in db.Products on b.ProductId equals p.Id
               orderby b.CreatedAt descending
               select new { b, batch.Name, batch.Quantity, batch.StartedAt, batch.EndedAt, Line = line.Name, Product = p.Name })
            .Take(200)
            .ToListAsync(ct) is var rows
            ? [.. rows.Select(r => new SerialBlockView(r.b.Id, r.b.BatchId, r.Name, r.Line, r.Product, r.b.FirstSerial, r.b.LastSerial, r.b.Count, r.b.Issued, r.Quantity,
                r.StartedAt <= now && (r.EndedAt == null || r.EndedAt >= now)))]
            : [];

    /// <summary>Batches open now, with how many of their units have serials allocated: where a new serial block can go.</summary>
    public async Task<IReadOnlyList<OpenBatch>> OpenBatchesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from b in db.TestBatches.AsNoTracking()
                          join line in db.Lines on b.LineId equals line.Id
                          join p in db.Products on b.ProductId equals p.Id
                          where b.StartedAt <= now && (b.EndedAt == null || b.EndedAt >= now)
                          orderby p.Name, line.Name, b.Name
                          select new { b.Id, Product = p.Name, Line = line.Name, b.Name, b.Quantity }).Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var allocated = await db.SerialBlocks.Where(s => ids.Contains(s.BatchId)).GroupBy(s => s.BatchId)
            .Select(g => new { g.Key, Count = g.Sum(s => s.Last - s.First + 1) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. rows.Select(r => new OpenBatch(r.Id, r.Product, r.Line, r.Name, r.Quantity, allocated.GetValueOrDefault(r.Id)))];
    }

    /// <summary>One page of certificates, newest first, optionally of one serial (prefix) or batch.</summary>
    public async Task<CertificatePage> CertificatesAsync(string? serial, Guid? batchId, int page, CancellationToken ct, bool? revoked = null)
    {
        var query = from c in db.DeviceCertificates.AsNoTracking()
                    join line in db.Lines on c.LineId equals line.Id
                    join batch in db.TestBatches on c.BatchId equals batch.Id
                    join p in db.Products on c.ProductId equals p.Id
                    where (serial == null || c.Serial.StartsWith(serial)) && (batchId == null || c.BatchId == batchId)
                        && (revoked == null || (revoked == true ? c.RevokedAt != null : c.RevokedAt == null))
                    select new { c, Line = line.Name, Batch = batch.Name, Product = p.Name };
        var total = await query.CountAsync(ct);
        var number = Math.Max(1, page);
        var rows = await query.OrderByDescending(r => r.c.IssuedAt).ThenBy(r => r.c.Serial).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new CertificatePage([.. rows.Select(r => new CertificateView(r.c.Id, r.Product, r.c.Serial, r.Line, r.Batch, r.c.FirmwareVersion, r.c.CertificateSerial, r.c.Subject,
            r.c.IssuedAt, r.c.NotAfter, r.c.RequestedBy, r.c.RevokedAt, r.c.RevocationReason?.ToString(), r.c.ProductId))], total, number, PageSize);
    }

    /// <summary>The certificate of a unit (the traceability join from test data), or null.</summary>
    public async Task<CertificateView?> CertificateOfUnitAsync(string serial, CancellationToken ct)
    {
        var id = await db.DeviceCertificates.AsNoTracking().Where(c => c.Serial == serial).OrderByDescending(c => c.IssuedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? (await CertificateAsync(found, ct))?.View : null;
    }

    public async Task<(CertificateView View, byte[] Der)?> CertificateAsync(Guid id, CancellationToken ct)
    {
        var row = await (from c in db.DeviceCertificates.AsNoTracking()
                         join line in db.Lines on c.LineId equals line.Id
                         join batch in db.TestBatches on c.BatchId equals batch.Id
                         join p in db.Products on c.ProductId equals p.Id
                         where c.Id == id
                         select new { c, Line = line.Name, Batch = batch.Name, Product = p.Name }).SingleOrDefaultAsync(ct);
        return row is null ? null : (new CertificateView(row.c.Id, row.Product, row.c.Serial, row.Line, row.Batch, row.c.FirmwareVersion, row.c.CertificateSerial, row.c.Subject,
            row.c.IssuedAt, row.c.NotAfter, row.c.RequestedBy, row.c.RevokedAt, row.c.RevocationReason?.ToString(), row.c.ProductId), row.c.Der);
    }

    /// <summary>Firmware versions units run (test data and certificate requests) that are not released for their product: a warning each.</summary>
    public async Task<IReadOnlyList<FirmwareWarning>> FirmwareWarningsAsync(CancellationToken ct)
    {
        var released = (await db.FirmwareReleases.AsNoTracking().Select(r => new { r.ProductId, r.Version }).ToListAsync(ct)).Select(r => (r.ProductId, r.Version)).ToHashSet();
        var tested = await (from u in db.TestUnits.AsNoTracking()
                            join b in db.TestBatches on u.BatchId equals b.Id
                            where u.FirmwareVersion != null
                            group u by new { b.ProductId, u.LineId, u.FirmwareVersion } into g
                            select new { g.Key.ProductId, g.Key.LineId, Version = g.Key.FirmwareVersion!, Units = g.Count() }).ToListAsync(ct);
        var certified = await db.DeviceCertificates.AsNoTracking().Where(c => c.FirmwareVersion != null)
            .GroupBy(c => new { c.ProductId, c.LineId, c.FirmwareVersion })
            .Select(g => new { g.Key.ProductId, g.Key.LineId, Version = g.Key.FirmwareVersion!, Units = g.Count() }).ToListAsync(ct);
        var names = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lines = await db.Lines.AsNoTracking().Select(l => new { l.Id, l.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return [.. tested.Concat(certified)
            .Where(v => !released.Contains((v.ProductId, v.Version)) && lines.ContainsKey(v.LineId))
            .GroupBy(v => (v.ProductId, v.LineId, v.Version))
            .Select(g => new FirmwareWarning(names.GetValueOrDefault(g.Key.ProductId, "?"), lines[g.Key.LineId], g.Key.Version, g.Max(v => v.Units)))
            .OrderBy(w => w.Product).ThenBy(w => w.Line).ThenBy(w => w.Version)];
    }

    /// <summary>
    /// For a manufacturer: the signed releases whose image revision its grants reach now (decided by the vault gate);
    /// the releases are read past the buyer-only filter only for those revisions.
    /// </summary>
    public async Task<IReadOnlyList<GrantedRelease>> GrantedReleasesAsync(Guid? lineId, CancellationToken ct)
    {
        var granted = (await gate.GrantedAsync(null, ct)).Where(g => lineId is null || g.Grant.LineId == lineId).ToList();
        var revisions = granted.Select(g => g.Revision.Id).Distinct().ToList();
        if (revisions.Count == 0)
        {
            return [];
        }

        var rows = await (from r in db.FirmwareReleases.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking()
                          join k in db.CustodyKeys.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]) on r.SigningKeyId equals k.Id
                          join p in db.Products.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]) on r.ProductId equals p.Id
                          where revisions.Contains(r.RevisionId) && r.Signature != null
                          select new { r.Id, Product = p.Name, r.Version, r.RevisionId, r.ImageSha256, r.Signature, k.Fingerprint, k.PublicKey }).ToListAsync(ct);
        return [.. rows.Select(r => new GrantedRelease(r.Id, r.Product, r.Version, r.RevisionId, granted.First(g => g.Revision.Id == r.RevisionId).Revision.FileName, r.ImageSha256,
            Convert.ToBase64String(r.Signature!), r.Fingerprint, PemEncodingPublicKey(r.PublicKey))).OrderBy(r => r.Product).ThenByDescending(r => r.Version)];
    }

    /// <summary>For the buyer: every signed release, in the shape a line receives.</summary>
    public async Task<IReadOnlyList<GrantedRelease>> SignedReleasesAsync(CancellationToken ct)
    {
        var rows = await (from r in db.FirmwareReleases.AsNoTracking()
                          join k in db.CustodyKeys on r.SigningKeyId equals k.Id
                          join p in db.Products on r.ProductId equals p.Id
                          join rev in db.ArtifactRevisions on r.RevisionId equals rev.Id
                          where r.Signature != null
                          select new { r.Id, Product = p.Name, r.Version, r.RevisionId, rev.FileName, r.ImageSha256, r.Signature, k.Fingerprint, k.PublicKey }).ToListAsync(ct);
        return [.. rows.Select(r => new GrantedRelease(r.Id, r.Product, r.Version, r.RevisionId, r.FileName, r.ImageSha256, Convert.ToBase64String(r.Signature!), r.Fingerprint, PemEncodingPublicKey(r.PublicKey)))
            .OrderBy(r => r.Product).ThenByDescending(r => r.Version)];
    }

    public static string PemEncodingPublicKey(byte[] subjectPublicKeyInfo) => new(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", subjectPublicKeyInfo));
}
