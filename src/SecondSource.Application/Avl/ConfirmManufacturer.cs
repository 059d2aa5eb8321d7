using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

/// <summary>A written maker name to confirm: a maker of its own, or (with <see cref="SameAs"/>) another name of a known maker.</summary>
public sealed record ConfirmManufacturerRequest(string Name, string? SameAs, string By);

/// <summary>What the library now says of the name: the maker it is, and whether the confirmation changed anything.</summary>
public sealed record ConfirmedManufacturer(string Name, string Maker, bool Changed);

/// <summary>
/// Confirms a name a BOM gives as a maker and no catalogue recognises (an <c>unverified-manufacturer</c> finding), so it
/// counts from then on — in every audit of every revision, for every party, since all of them read makers through the
/// library (<see cref="LibraryMakers"/>). Without <c>SameAs</c> the name becomes a maker of its own; with it, another
/// name of the maker <c>SameAs</c> names (one the catalogue or the library recognises). Text that cannot be a maker (a
/// distributor, a placeholder, a part number) is refused, and so is a name the catalogue already gives to another maker:
/// a confirmation may add knowledge, never contradict the catalogue's lineage. Coverage is recorded again afterwards.
/// </summary>
public sealed class ConfirmManufacturerHandler(SecondSourceDbContext db, LibraryMakers makers, ManufacturerDirectory directory, CoverageRecorder coverage)
{
    public async Task<Result<ConfirmedManufacturer>> HandleAsync(ConfirmManufacturerRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim() ?? "";
        var decision = MakerConfirmation.Decide(await makers.CatalogAsync(ct), name, request.SameAs, "the library");
        if (decision.Refusal is { } refusal)
        {
            return decision.Conflict ? Fail.Conflict(refusal) : Fail.Invalid(refusal);
        }

        if (decision.AlreadyKnown is { } known)
        {
            return Result.Ok(new ConfirmedManufacturer(name, known.DisplayName, Changed: false));
        }

        var target = decision.SameAs;
        try
        {
            string maker;
            if (target is null)
            {
                maker = (await directory.ResolveAsync(name, ct)).Name;
            }
            else
            {
                var owner = await directory.ResolveAsync(target.DisplayName, ct);
                var key = ManufacturerCatalog.CleanKey(name);
                var other = await db.ComponentManufacturers.Where(m => m.Id != owner.Id && (m.Key == key || m.Aliases.Any(a => a.Key == key))).Select(m => m.Name).FirstOrDefaultAsync(ct);
                if (other is not null)
                {
                    return Fail.Conflict($"'{name}' already names {other} in the library.");
                }

                owner.AddAlias(name, key);
                maker = owner.Name;
            }

            await db.SaveChangesAsync(ct);
            makers.Invalidate();
            var products = await db.BomRevisions.Select(r => r.ProductId).Distinct().ToListAsync(ct);
            await coverage.RecordAsync(products, null, ct);
            return Result.Ok(new ConfirmedManufacturer(name, maker, Changed: true));
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
