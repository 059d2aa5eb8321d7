using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record RecordQualificationRequest(Guid EntryId, QualificationInput Input, bool ByAdministrator, string By);

/// <summary>Records an electrical or reliability verdict on an AVL entry and the status it leads to, both in the change record.</summary>
public sealed class RecordQualificationHandler(SecondSourceDbContext db, PartLibrary library, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<AvlStatus>> HandleAsync(RecordQualificationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await db.AvlEntries.Include(e => e.Qualifications).SingleOrDefaultAsync(e => e.Id == request.EntryId, ct);
        if (entry is null)
        {
            return Fail.NotFound($"There is no AVL entry {request.EntryId}.");
        }

        var at = clock.GetUtcNow();
        var previous = entry.Latest(request.Input.Aspect);
        try
        {
            var (before, after) = entry.RecordQualification(request.Input, request.ByAdministrator, at, request.By);
            var buyer = await library.BuyerAsync(ct);
            var aspect = request.Input.Aspect.ToString().ToLowerInvariant() + " qualification";
            db.AvlChanges.Add(AvlChange.Of(buyer, entry.PartId, entry.Id, aspect, previous is null ? "" : Describe(previous.Verdict, previous.Method),
                Describe(request.Input.Verdict, request.Input.Method) + (request.Input.Justification is { Length: > 0 } why ? ": " + why : ""), at, request.By));
            if (before != after)
            {
                db.AvlChanges.Add(AvlChange.Of(buyer, entry.PartId, entry.Id, "status", before.ToString(), after.ToString(), at, request.By));
            }

            await db.SaveChangesAsync(ct);
            await coverage.RecordForPartAsync(entry.PartId, ct);
            return Result.Ok(after);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }

    private static string Describe(QualificationVerdict verdict, QualificationMethod method) => $"{verdict} ({AvlText.Method(method)})";
}
