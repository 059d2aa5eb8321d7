using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Vault;

/// <summary>An NDA to record; <c>Document</c> is the signed NDA, already in the <see cref="VaultStore"/> under its hash.</summary>
public sealed record RecordNdaRequest(PartyId ManufacturerId, string Scope, DateOnly SignedOn, DateOnly ExpiresOn, StoredFile Document, Actor Actor);

/// <summary>Records an NDA with a manufacturer and its signed document; the record and its log entry commit together.</summary>
public sealed class RecordNdaHandler(SecondSourceDbContext db, VaultStore store, AccessLogWriter log, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RecordNdaRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = await db.Parties.SingleOrDefaultAsync(p => p.Id == request.ManufacturerId, ct);
        if (party is null || party.Kind != PartyKind.Manufacturer)
        {
            return Fail.NotFound("There is no such manufacturer.");
        }

        using (var content = store.Open(request.Document.Sha256))
        {
            if (content is null || content.Length != request.Document.Size)
            {
                return Fail.Invalid($"The signed document {request.Document.FileName} is not in the vault store; upload it again.");
            }
        }

        try
        {
            var nda = Nda.Record(party.Id, request.Scope, request.SignedOn, request.ExpiresOn, request.Document, clock.GetUtcNow(), request.Actor.Name);
            db.Ndas.Add(nda);
            await log.AppendAsync(AccessAction.RecordNda, request.Actor.Name, request.Actor.Party, null, null, nda.DocumentSha256, request.Actor.ClientAddress, ct,
                $"NDA with {party.Name} ({nda.Scope}), signed {Day(nda.SignedOn)}, expires {Day(nda.ExpiresOn)}: {nda.DocumentName}");
            await log.SaveAsync(ct);
            return Result.Ok(nda.Id);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
