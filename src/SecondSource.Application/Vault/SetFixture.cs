using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

public sealed record SetFixtureRequest(Guid ProductId, Guid LineId, string Name, FixtureState State, string? PhysicalId, DateOnly? LastVerifiedOn, string? Note, string By);

/// <summary>
/// Records where a line's copy of a test fixture stands (creating the fixture on first mention). The buyer keeps any
/// line's; a manufacturer only its own lines' (it sees no other line of the product).
/// </summary>
public sealed class SetFixtureHandler(SecondSourceDbContext db, VaultLines lines, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(SetFixtureRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = (await lines.OfProductAsync(request.ProductId, ct)).FirstOrDefault(l => l.Id == request.LineId);
        if (line is null)
        {
            return Fail.NotFound("The line does not take part in a program of this product.");
        }

        try
        {
            var name = Guard.RequiredText(request.Name, "Fixture", 200);
            var fixture = await db.Fixtures.FirstOrDefaultAsync(f => f.ProductId == request.ProductId && f.LineId == line.Id && f.Name == name, ct);
            var now = clock.GetUtcNow();
            if (fixture is null)
            {
                fixture = LineFixture.Create(request.ProductId, line.Id, line.PartyId, name, request.State, request.PhysicalId, request.LastVerifiedOn, request.Note, now, request.By);
                db.Fixtures.Add(fixture);
            }
            else
            {
                fixture.Update(request.State, request.PhysicalId, request.LastVerifiedOn, request.Note, now, request.By);
            }

            await db.SaveChangesAsync(ct);
            return Result.Ok(fixture.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
