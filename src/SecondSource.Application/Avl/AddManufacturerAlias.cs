using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record AddManufacturerAliasRequest(Guid ManufacturerId, string Alias, string By);

/// <summary>
/// Records that a written name is another form of a component manufacturer's ("Fuman" for "Shenzhen Fuman
/// Electronics"), so BOMs that write it match the library's entries. A name that is already another maker's is
/// refused: two library makers are not merged by an alias.
/// </summary>
public sealed class AddManufacturerAliasHandler(SecondSourceDbContext db, ManufacturerDirectory directory)
{
    public async Task<Result<bool>> HandleAsync(AddManufacturerAliasRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maker = await db.ComponentManufacturers.Include(m => m.Aliases).SingleOrDefaultAsync(m => m.Id == request.ManufacturerId, ct);
        if (maker is null)
        {
            return Fail.NotFound($"There is no component manufacturer {request.ManufacturerId}.");
        }

        if (directory.KeyOf(request.Alias ?? "") is not { } key)
        {
            return Fail.Invalid($"'{request.Alias}' is not a manufacturer's name (empty, or a marker such as Any or Generic).");
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
            return Result.Ok(added);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
