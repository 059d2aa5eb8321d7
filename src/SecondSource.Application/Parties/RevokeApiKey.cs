using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

public sealed record RevokeApiKeyRequest(string KeyIdOrPrefix, string RevokedBy);

/// <summary>Revokes a key, found by id or by the prefix shown in lists; it stops working at its next request.</summary>
public sealed class RevokeApiKeyHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ApiKey>> HandleAsync(RevokeApiKeyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.KeyIdOrPrefix.Trim();
        var prefix = text.ToLowerInvariant();
        var key = Guid.TryParse(text, out var id)
            ? await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == new ApiKeyId(id), ct)
            : await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null)
        {
            return Fail.NotFound($"There is no API key '{text}'.");
        }

        key.Revoke(request.RevokedBy, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Ok(key);
    }
}
