using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SecondSource.Application.Persistence;

/// <summary>
/// Puts every SQLite connection in WAL mode (readers never block the writer, and a killed process leaves a
/// consistent file). Foreign keys are switched on by the connection string. synchronous stays FULL, the
/// default: a committed transaction survives power loss too (docs/adr/0003).
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode = WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
