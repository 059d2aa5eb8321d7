using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SecondSource.Application.Persistence;

/// <summary>
/// Writes many rows of one entity type fast, inside the context's current transaction: one prepared INSERT reused
/// for every row on SQLite, binary COPY on PostgreSQL. Tables, columns and value conversions come from the EF model,
/// so the rows are stored exactly as EF would store them. The party-isolation interceptor does not see these rows:
/// callers set ownership only from rows they read under the party filter (reviewed in PartyIsolationSourceTests).
/// </summary>
public sealed class BulkWriter<T> : IAsyncDisposable
    where T : class
{
    private readonly IProperty[] _properties;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly DbCommand? _insert;
    private readonly NpgsqlBinaryImporter? _copy;
    private readonly string[] _copyTypes;
    private bool _prepared;

    internal BulkWriter(IProperty[] properties, RelationalTypeMapping[] mappings, DbCommand? insert, NpgsqlBinaryImporter? copy)
    {
        _properties = properties;
        _mappings = mappings;
        _insert = insert;
        _copy = copy;
        _copyTypes = mappings.Select(m => m.StoreType.Split('(')[0]).ToArray();
    }

    public long Written { get; private set; }

    public async ValueTask AddAsync(T entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (_copy is not null)
        {
            await _copy.StartRowAsync(ct);
            for (var i = 0; i < _properties.Length; i++)
            {
                var value = Provider(i, entity);
                if (value is null)
                {
                    await _copy.WriteNullAsync(ct);
                }
                else
                {
                    await _copy.WriteAsync(value, _copyTypes[i], ct);
                }
            }
        }
        else
        {
            var insert = _insert!;
            if (!_prepared)
            {
                for (var i = 0; i < _properties.Length; i++)
                {
                    // Created by the type mapping, so provider specifics (SQLite stores GUIDs as text) apply.
                    insert.Parameters.Add(_mappings[i].CreateParameter(insert, $"@p{i}", _properties[i].GetGetter().GetClrValueUsingContainingEntity(entity), _properties[i].IsNullable));
                }

                await insert.PrepareAsync(ct);
                _prepared = true;
            }
            else
            {
                for (var i = 0; i < _properties.Length; i++)
                {
                    insert.Parameters[i].Value = Provider(i, entity) ?? DBNull.Value;
                }
            }

            await insert.ExecuteNonQueryAsync(ct);
        }

        Written++;
    }

    /// <summary>Finishes the COPY (PostgreSQL); the rows commit with the caller's transaction.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }

    private object? Provider(int i, T entity)
    {
        var value = _properties[i].GetGetter().GetClrValueUsingContainingEntity(entity);
        return value is null ? null : _mappings[i].Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

/// <summary>Opens <see cref="BulkWriter{T}"/>s.</summary>
public static class BulkWriter
{
    /// <summary>Opens a writer on the context's connection; the context must have a transaction open.</summary>
    public static async Task<BulkWriter<T>> OpenAsync<T>(SecondSourceDbContext db, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var columns = properties.Select(p => p.GetColumnName(table)!).ToArray();
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            var copy = await npgsql.BeginBinaryImportAsync(
                $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
            return new BulkWriter<T>(properties, mappings, null, copy);
        }

        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        return new BulkWriter<T>(properties, mappings, insert, null);
    }
}
