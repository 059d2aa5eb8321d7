using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record AddManufacturerAliasRequest(Guid ManufacturerId, string Alias, string By);

/// <summary>
/// Records that a written name is another form of a component manufacturer's ("Fuman" for "Shenzhen Fuman
/// Electronics"), so BOMs that write it match the library's entries and count as that maker in every audit. A name
/// that is already another maker's — in the library or in the catalogue's lineage — is refused: two makers are not
/// merged by an alias. Text that cannot be a maker (a distributor, a placeholder, a part number) is refused too.
/// </summary>
public sealed class AddManufacturerAliasHandler(SecondSourceDbContext db, ManufacturerDirectory directory, LibraryMakers makers, CoverageRecorder coverage)
{
    public async Task<Result<bool>> HandleAsync(AddManufacturerAliasRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maker = await db.ComponentManufacturers.Include(m => m.Aliases).SingleOrDefaultAsync(m => m.Id == request.ManufacturerId, ct);
        if (maker is null)
        {
            return Fail.NotFound($"There is no component manufacturer {request.ManufacturerId}.");
        }

        var catalog = await makers.CatalogAsync(ct);
        var why = catalog.WhyNotAMaker(request.Alias);
        if (why is not null || directory.KeyOf(request.Alias ?? "") is null)
        {
            return Fail.Invalid($"'{request.Alias}' is not a manufacturer's name: {WhyNot(why)}.");
        }

        var key = directory.KeyOf(request.Alias!)!;
        if (catalog.Recognise(request.Alias) is { } known && catalog.Recognise(maker.Name) is { } self && known.Key != self.Key)
        {
            return Fail.Conflict($"'{request.Alias}' is {known.DisplayName}{(known.Origin == Domain.Boms.MakerOrigin.Catalogue ? " in the catalogue" : " in the library")}, not {maker.Name}.");
        }

        var other = await db.ComponentManufacturers.Where(m => m.Id != maker.Id && (m.Key == key || m.Aliases.Any(a => a.Key == key))).Select(m => m.Name).FirstOrDefaultAsync(ct);
        if (other is not null)
        {
            return Fail.Conflict($"'{request.Alias}' already names {other} in the library.");
        }

        try
        {
            var added = maker.AddAlias(request.Alias!, key);
            await db.SaveChangesAsync(ct);
            if (added)
            {
                makers.Invalidate();
                await coverage.RecordAsync(await db.BomRevisions.Select(r => r.ProductId).Distinct().ToListAsync(ct), null, ct);
            }

            return Result.Ok(added);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    private static string WhyNot(string? why) => why ?? "it is a marker such as Any or Generic";
}
