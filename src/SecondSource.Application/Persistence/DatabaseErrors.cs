using Microsoft.Data.Sqlite;
using Npgsql;

namespace SecondSource.Application.Persistence;

/// <summary>Turns a driver's exception into one sentence for the person running the command.</summary>
public static class DatabaseErrors
{
    /// <summary>True when <paramref name="exception"/> (or one it wraps) is a database failure; <paramref name="message"/> explains it.</summary>
    public static bool TryExplain(Exception exception, DatabaseSettings settings, out string message)
    {
        ArgumentNullException.ThrowIfNull(settings);
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } pg:
                    message = $"PostgreSQL at {settings.Location} has no such database ({pg.MessageText}). Create it first (README, \"PostgreSQL\"), then run 'secondsource db migrate'.";
                    return true;
                case PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg:
                    message = $"PostgreSQL at {settings.Location} refused the sign-in ({pg.MessageText}); check the user and password in the connection string.";
                    return true;
                case PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } pg:
                    message = $"The database at {settings.Location} has no SecondSource schema yet ({pg.MessageText}); run 'secondsource db migrate' with the same connection.";
                    return true;
                case PostgresException pg:
                    message = $"PostgreSQL at {settings.Location} answered: {pg.MessageText} (SQLSTATE {pg.SqlState}).";
                    return true;
                case NpgsqlException npgsql:
                    message = $"Cannot use PostgreSQL at {settings.Location}: {Innermost(npgsql).Message}";
                    return true;
                case SqliteException { SqliteErrorCode: 14 }:
                    message = $"There is no database at {settings.Location}: the data folder does not exist or cannot be written. "
                        + "Give the folder the web app uses with --data DIR (or SECONDSOURCE_DATA), or create a database there with 'secondsource db migrate --data DIR'.";
                    return true;
                case SqliteException { SqliteErrorCode: 1 } sqlite when sqlite.Message.Contains("no such table", StringComparison.Ordinal):
                    message = $"The database at {settings.Location} has no SecondSource schema yet; run 'secondsource db migrate' with the same --data (or check that --data names the web app's data folder).";
                    return true;
                case SqliteException sqlite:
                    message = $"SQLite database {settings.Location}: {sqlite.Message}";
                    return true;
                default:
                    break;
            }
        }

        message = "";
        return false;
    }

    /// <summary>
    /// True when the failure is the caller's configuration — no database where it was pointed, no schema, a wrong
    /// password — which the user fixes (exit code 2), rather than a database that failed (exit code 3).
    /// </summary>
    public static bool IsConfigurationProblem(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException { SqliteErrorCode: 14 }
                || (ex is SqliteException { SqliteErrorCode: 1 } s && s.Message.Contains("no such table", StringComparison.Ordinal))
                || ex is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification or PostgresErrorCodes.UndefinedTable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is a unique or primary key violation on either provider.</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
