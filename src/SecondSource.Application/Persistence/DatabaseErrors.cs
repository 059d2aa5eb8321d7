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
                case PostgresException pg:
                    message = $"PostgreSQL at {settings.Location} answered: {pg.MessageText} (SQLSTATE {pg.SqlState}).";
                    return true;
                case NpgsqlException npgsql:
                    message = $"Cannot use PostgreSQL at {settings.Location}: {Innermost(npgsql).Message}";
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
