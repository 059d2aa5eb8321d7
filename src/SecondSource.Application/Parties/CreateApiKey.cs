using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

/// <summary>A key for a party; <c>LineId</c> binds a station's key to one of that party's lines (test data for that line only).</summary>
public sealed record CreateApiKeyRequest(PartyId PartyId, string Name, string CreatedBy, DateTimeOffset? ExpiresAt = null, Guid? LineId = null);

/// <summary>The new key and its token; the token is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyId Id, string Name, PartyId PartyId, string PartyName, string Token, DateTimeOffset? ExpiresAt);

/// <summary>Issues a machine credential bound to one party.</summary>
public sealed class CreateApiKeyHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<CreatedApiKey>> HandleAsync(CreateApiKeyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = await db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PartyId, ct);
        if (party is null)
        {
            return Fail.NotFound($"There is no party {request.PartyId}.");
        }

        if (request.LineId is { } line && !await db.Lines.AnyAsync(l => l.Id == line && l.PartyId == party.Id, ct))
        {
            return Fail.Invalid($"The line is not one of {party.Name}'s.");
        }

        var (key, token) = ApiKey.Issue(party.Id, request.Name, request.CreatedBy, clock.GetUtcNow(), request.ExpiresAt, request.LineId);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return Result.Ok(new CreatedApiKey(key.Id, key.Name, party.Id, party.Name, token.Value, key.ExpiresAt));
    }
}
