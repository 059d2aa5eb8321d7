using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Hosting;

/// <summary>Ready only when the database answers and its schema is current (no pending migration).</summary>
public sealed class MigrationsHealthCheck(SecondSourceDbContext db, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{settings.Provider} schema is current.")
                : HealthCheckResult.Unhealthy($"{pending.Count} pending migration(s); run 'secondsource db migrate'.");
        }
        catch (Exception ex) when (DatabaseErrors.TryExplain(ex, settings, out _))
        {
            return HealthCheckResult.Unhealthy($"{settings.Provider} database is not reachable.");
        }
    }
}
