using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

public sealed record CreateManufacturerRequest(string Name);

/// <summary>Adds a contract manufacturer; its people and machines are added next.</summary>
public sealed class CreateManufacturerHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<Party>> HandleAsync(CreateManufacturerRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = Party.CreateManufacturer(request.Name, clock.GetUtcNow());
        if (await db.Parties.AnyAsync(p => p.NormalizedName == party.NormalizedName, ct))
        {
            return Fail.Conflict($"A party named '{party.Name}' already exists.");
        }

        db.Parties.Add(party);
        await db.SaveChangesAsync(ct);
        return Result.Ok(party);
    }
}
