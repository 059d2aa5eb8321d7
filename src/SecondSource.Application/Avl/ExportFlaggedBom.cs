using SecondSource.Application.Boms;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms.Export;

namespace SecondSource.Application.Avl;

public enum FlaggedBomFormat
{
    Csv = 1,
    Xlsx = 2,
    Ipc2581 = 3,
}

public sealed record ExportFlaggedBomRequest(Guid RevisionId, Guid LineId, FlaggedBomFormat Format, string By);

public sealed record ExportedBom(string FileName, string MediaType, byte[] Content);

/// <summary>
/// Exports a BOM revision for one manufacturing line with its alternates flagged (A7): the sources the library approves
/// for that line — qualified and accepted by it — as the line's sources, the others listed with their status, as CSV,
/// XLSX or IPC-2581. A manufacturer exports for its own lines only (the party filter hides the others).
/// </summary>
public sealed class ExportFlaggedBomHandler(BomRevisionQueries revisions, TimeProvider clock)
{
    public async Task<Result<ExportedBom>> HandleAsync(ExportFlaggedBomRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audit = await revisions.AuditAsync(request.RevisionId, CriticalityPolicy.Default, ct);
        if (audit is null)
        {
            return Fail.NotFound($"There is no BOM revision {request.RevisionId}.");
        }

        var line = audit.BuildLines.FirstOrDefault(l => l.Id == request.LineId);
        if (line is null)
        {
            return Fail.NotFound("That manufacturing line does not build this product.");
        }

        var product = await revisions.FindProductAsync(audit.Revision.ProductId.ToString(), ct);
        var bom = new FlaggedBom(product!.Code, product.Name, audit.Revision.Label, line.Name, clock.GetUtcNow(), request.By,
            audit.Lines.Select(l => Flag(l, line)).ToList());
        using var buffer = new MemoryStream();
        var (extension, mediaType) = request.Format switch
        {
            FlaggedBomFormat.Csv => ("csv", "text/csv"),
            FlaggedBomFormat.Xlsx => ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            _ => ("xml", "application/xml"),
        };
        switch (request.Format)
        {
            case FlaggedBomFormat.Csv:
                FlaggedBomCsvWriter.Write(bom, buffer);
                break;
            case FlaggedBomFormat.Xlsx:
                FlaggedBomXlsxWriter.Write(bom, buffer);
                break;
            default:
                FlaggedBomIpc2581Writer.Write(bom, buffer);
                break;
        }

        var fileName = FileName($"{product.Code}-{audit.Revision.Label}-{line.Name}") + (request.Format == FlaggedBomFormat.Ipc2581 ? ".ipc2581.xml" : "." + extension);
        return Result.Ok(new ExportedBom(fileName, mediaType, buffer.ToArray()));
    }

    /// <summary>One BOM line for one manufacturing line: the library's sources (rejected and retired left out), else the BOM's own.</summary>
    public static FlaggedLine Flag(AuditedLine audited, BuildLine line)
    {
        ArgumentNullException.ThrowIfNull(audited);
        ArgumentNullException.ThrowIfNull(line);
        var bom = audited.Line;
        var sources = new List<FlaggedSource>();
        if (audited.Part is { } part)
        {
            foreach (var source in part.Sources.Where(s => s.Status is not (AvlStatus.Rejected or AvlStatus.Retired)).OrderBy(s => s.Rank))
            {
                sources.Add(new FlaggedSource(source.ManufacturerName, source.Mpn, source.Rank, source.UsableOn(line), Status(source, line)));
            }

            foreach (var listed in bom.Sources.Where(s => s.Mpn.Length > 0))
            {
                var known = part.Find(listed);
                if (known is null || known.Status is AvlStatus.Rejected or AvlStatus.Retired)
                {
                    sources.Add(new FlaggedSource(listed.Manufacturer, listed.Mpn, 99, false, known is null ? "not in the AVL" : known.Status.ToString().ToLowerInvariant() + " in the AVL"));
                }
            }
        }
        else
        {
            sources.AddRange(bom.Sources.Where(s => s.Mpn.Length > 0).Select((s, i) => new FlaggedSource(s.Manufacturer, s.Mpn, i + 1, false, "not in the AVL")));
        }

        return new FlaggedLine(bom.Designators, bom.Quantity, bom.Dnp, Part.NumberOf(bom), bom.InternalPartNumber, bom.Description, bom.Value, bom.Footprint,
            audited.Criticality.Critical, bom.Generic, sources);
    }

    private static string Status(KnownSource source, BuildLine line) => (source.Status, source.On(line)) switch
    {
        (AvlStatus.Qualified, AcceptanceState.Accepted) => "approved",
        (AvlStatus.Qualified, AcceptanceState.Refused) => "refused by the line",
        (AvlStatus.Qualified, _) => "qualified, awaiting the line's acceptance",
        (AvlStatus.InQualification, _) => "in qualification",
        _ => "proposed",
    };

    private static string FileName(string text) =>
        string.Join("-", new string(text.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
