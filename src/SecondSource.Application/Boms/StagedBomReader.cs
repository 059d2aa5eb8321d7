using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Avl;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Boms;

/// <summary>The column roles a read used: the caller's, or those chosen for an earlier revision with the same layout.</summary>
public sealed record ColumnChoices(IReadOnlyList<KeyValuePair<string, string>> Choices, string? ReusedFrom)
{
    public static ColumnChoices None { get; } = new([], null);
}

/// <summary>
/// Reads a staged BOM file the way the preview shows it and the import stores it: with the library's makers known, and
/// — unless the caller chose column roles — with the roles a person chose for the latest earlier revision whose file
/// had the same layout (the same header names in the same order), so a re-import of that layout needs no new choices.
/// </summary>
public sealed class StagedBomReader(SecondSourceDbContext db, ImportStaging staging, LibraryMakers makers)
{
    /// <summary>
    /// Opens the file, applies the roles (the caller's, else the stored ones for its layout) and hands the document to
    /// <paramref name="consume"/> while the file is open. A file that cannot be read is an invalid request naming the place.
    /// </summary>
    public async Task<Result<T>> ReadAsync<T>(string sha, string fileName, BomReadOptions options, Func<BomDocument, ColumnChoices, T> consume, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(consume);
        await makers.AddToAsync(options.Manufacturers, ct);
        try
        {
            var stream = staging.Open(sha);
            if (stream is null)
            {
                return Fail.NotFound("The uploaded file is no longer there; upload it again.");
            }

            try
            {
                var document = BomReader.Open(fileName, stream, options);
                if (options.Map.Count > 0)
                {
                    return Result.Ok(consume(document, new ColumnChoices([.. options.Map], null)));
                }

                // The layout is known once the file is open; only when roles were chosen for it is the file read again.
                if (document.Info.LayoutKey is not { } layout || await StoredAsync(layout, ct) is not { } stored)
                {
                    return Result.Ok(consume(document, ColumnChoices.None));
                }

                await stream.DisposeAsync();
                stream = staging.Open(sha) ?? throw new BomFileException(fileName, null, null, "the uploaded file is no longer there; upload it again.");
                var chosen = options with { Map = stored.Choices, MapLabel = $"the roles chosen for {stored.ReusedFrom}" };
                return Result.Ok(consume(BomReader.Open(fileName, stream, chosen), stored));
            }
            finally
            {
                await stream.DisposeAsync();
            }
        }
        catch (BomFileException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    // The latest revision (of any product the caller may see) whose file had this layout and whose roles a person chose.
    private async Task<ColumnChoices?> StoredAsync(string layoutKey, CancellationToken ct)
    {
        var hash = BomRevision.HashLayout(layoutKey);
        var found = await (from r in db.BomRevisions.AsNoTracking()
                           join p in db.Products on r.ProductId equals p.Id
                           where r.LayoutHash == hash && r.ColumnChoices != null
                           orderby r.ImportedAt descending
                           select new { r.Label, p.Code, r.ColumnChoices }).FirstOrDefaultAsync(ct);
        var choices = BomRevision.ParseChoices(found?.ColumnChoices);
        return found is null || choices.Count == 0 ? null : new ColumnChoices(choices, $"{found.Code} {found.Label}");
    }
}
