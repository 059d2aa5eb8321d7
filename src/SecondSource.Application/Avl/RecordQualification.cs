using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record RecordQualificationRequest(Guid EntryId, QualificationInput Input, bool ByAdministrator, string By)
{
    /// <summary>A file already in the <see cref="EvidenceStore"/>, attached to the new record.</summary>
    public EvidenceFile? Attachment { get; init; }
}

/// <summary>Records an electrical or reliability verdict on an AVL entry and the status it leads to, both in the change record.</summary>
public sealed class RecordQualificationHandler(SecondSourceDbContext db, PartLibrary library, EvidenceStore evidence, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<AvlStatus>> HandleAsync(RecordQualificationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await db.AvlEntries.Include(e => e.Qualifications).SingleOrDefaultAsync(e => e.Id == request.EntryId, ct);
        if (entry is null)
        {
            return Fail.NotFound($"There is no AVL entry {request.EntryId}.");
        }

        if (request.Attachment is { } attachment && !evidence.Has(attachment.Sha256))
        {
            return Fail.Invalid($"The file {attachment.FileName} is no longer there; upload it again.");
        }

        var at = clock.GetUtcNow();
        var previous = entry.Latest(request.Input.Aspect);
        var input = request.Attachment is { } file && string.IsNullOrWhiteSpace(request.Input.Evidence) ? request.Input with { Evidence = "attached: " + file.FileName } : request.Input;
        try
        {
            var (before, after) = entry.RecordQualification(input, request.ByAdministrator, at, request.By);
            if (request.Attachment is { } attached)
            {
                db.QualificationEvidence.Add(QualificationEvidence.Attach(entry.Qualifications[^1], attached, at, request.By));
            }

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
