using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Scheduling;
using SecondSource.Application.Vault;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

/// <summary>
/// Keeps every device CA's revocation list current: a list is valid for a week
/// (<see cref="PublishCrlHandler.UpdateInterval"/>), and relying parties reject an expired one, so each CA whose latest
/// list is older than <see cref="SchedulingOptions.CrlRepublishAfter"/> (or that has none) publishes the next. The
/// same as <c>secondsource certs crl</c>, without a cron entry; each publication is in the vault's access log.
/// </summary>
public sealed class RefreshCrlsJob(SecondSourceDbContext db, PublishCrlHandler publish, SchedulingOptions options, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "crl-refresh";

    public static readonly Actor Scheduler = new("scheduler", "SecondSource", null);

    public string Name => JobName;

    public TimeSpan Every => options.CrlRefreshEvery;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var dueBefore = clock.GetUtcNow() - options.CrlRepublishAfter;
        var cas = await db.CustodyKeys.Where(k => k.Purpose == KeyPurpose.DeviceCa && k.CaCertificate != null)
            .Select(k => new { k.Id, k.Name, k.CrlPublishedAt }).ToListAsync(ct);
        var due = cas.Where(k => k.CrlPublishedAt is null || k.CrlPublishedAt <= dueBefore).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
        if (due.Count == 0)
        {
            return cas.Count == 0 ? "no device CA" : $"{cas.Count} device CA(s), every list current";
        }

        var published = new List<string>();
        foreach (var ca in due)
        {
            var result = await publish.HandleAsync(new PublishCrlRequest(ca.Id, Scheduler), ct);
            published.Add(result.Failure is { } failure ? $"'{ca.Name}' refused: {failure.Message}" : $"CRL {result.Value!.Number} of '{ca.Name}'");
        }

        return string.Join("; ", published);
    }
}
