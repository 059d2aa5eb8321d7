using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Avl;

public sealed record RecordAcceptanceRequest(Guid EntryId, Guid LineId, AcceptanceState State, string? Evidence, string By)
{
    /// <summary>A file already in the <see cref="EvidenceStore"/>, attached to the acceptance.</summary>
    public EvidenceFile? Attachment { get; init; }
}

/// <summary>
/// Records a manufacturing line's answer to an AVL entry. It is the line's own statement: only a user of the
/// line's manufacturer records it, for a line that builds a product using the part.
/// </summary>
public sealed class RecordAcceptanceHandler(SecondSourceDbContext db, IPartyContext partyContext, PartLibrary library, EvidenceStore evidence, TimeProvider clock, CoverageRecorder coverage)
{
    public async Task<Result<AcceptanceState>> HandleAsync(RecordAcceptanceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await db.AvlEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EntryId, ct);
        if (entry is null)
        {
            return Fail.NotFound($"There is no AVL entry {request.EntryId}.");
        }

        var line = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.LineId, ct);
        if (line is null)
        {
            return Fail.NotFound($"There is no line {request.LineId} of yours.");
        }

        var scope = partyContext.Scope;
        if (!scope.IsRestricted || scope.PartyId != line.PartyId)
        {
            return Fail.Invalid("A line's acceptance is that manufacturer's own statement: one of its users records it.");
        }

        if (entry.Status is AvlStatus.Rejected or AvlStatus.Retired)
        {
            return Fail.Invalid($"The entry is {entry.Status}: there is nothing to accept.");
        }

        var products = db.BomRevisionLines.Where(l => l.PartId == entry.PartId)
            .Join(db.BomRevisions, l => l.RevisionId, r => r.Id, (_, r) => r.ProductId).Distinct();
        var buildLines = await library.BuildLinesAsync(await products.ToListAsync(ct), ct);
        var buildLine = buildLines.FirstOrDefault(b => b.Id == line.Id);
        if (buildLine is null)
        {
            return Fail.Invalid($"{line.Name} does not build a product that uses this part.");
        }

        if (request.Attachment is { } attachment && !evidence.Has(attachment.Sha256))
        {
            return Fail.Invalid($"The file {attachment.FileName} is no longer there; upload it again.");
        }

        var acceptance = await db.LineAcceptances.SingleOrDefaultAsync(a => a.EntryId == entry.Id && a.LineId == line.Id, ct);
        if (acceptance is null)
        {
            acceptance = LineAcceptance.For(entry.Id, line);
            db.LineAcceptances.Add(acceptance);
        }

        try
        {
            var at = clock.GetUtcNow();
            var previousEvidence = acceptance.Evidence;
            var text = request.Attachment is { } file && string.IsNullOrWhiteSpace(request.Evidence) ? "attached: " + file.FileName : request.Evidence;
            var (before, after) = acceptance.Record(request.State, text, at, request.By);
            if (request.Attachment is { } attached)
            {
                db.AcceptanceEvidence.Add(AcceptanceEvidence.Attach(acceptance, attached, at, request.By));
            }

            db.AvlChanges.Add(AvlChange.Of(line.PartyId, entry.PartId, entry.Id, "acceptance by " + buildLine.Name,
                before + (previousEvidence is null ? "" : ": " + previousEvidence), after + (acceptance.Evidence is null ? "" : ": " + acceptance.Evidence), at, request.By));
            await db.SaveChangesAsync(ct);
            await coverage.RecordForPartAsync(entry.PartId, ct);
            return Result.Ok(after);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
