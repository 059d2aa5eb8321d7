using Microsoft.Extensions.Configuration;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Vault;

/// <summary>
/// Where signed checkpoints of the access log are written besides the database, read once from configuration.
/// </summary>
/// <param name="CheckpointFolder"><c>Audit:CheckpointFolder</c>: an append-only place outside the database (default
/// <c>checkpoints</c> in the data folder, which backups leave out so a restore cannot roll it back). Point it at a
/// mount the database server cannot rewrite — another machine, a WORM share — and copy its files off the server.</param>
public sealed record AuditOptions(string CheckpointFolder)
{
    public static AuditOptions FromConfiguration(IConfiguration configuration, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var folder = configuration["Audit:CheckpointFolder"] is { Length: > 0 } configured ? configured : Path.Combine(database.DataFolder, "checkpoints");
        return new AuditOptions(Path.GetFullPath(folder));
    }
}
