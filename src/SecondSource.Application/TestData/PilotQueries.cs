using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Statistics;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

/// <summary>A reference the pilot is compared with: the primary's golden samples, or its production around the pilot.</summary>
public sealed record PilotReference(string Label, IReadOnlyList<string> Batches, LineComparisonReport Report);

/// <summary>
/// A second line's pilot on one page: the pilot batch, its comparison with each reference, the DFM items, the gate
/// and any decision already taken.
/// </summary>
public sealed record PilotView(
    VaultLine Line, VaultLine? Primary, BatchSummary? Pilot, IReadOnlyList<PilotReference> References, YieldComparison? Yield,
    IReadOnlyList<DfmItem> Dfm, PilotGateEvaluation Gate, PilotGateDecision? Decision);

/// <summary>
/// Builds the pilot view of a product's second line. The pilot is the line's latest batch of kind Pilot; the
/// references are the primary's golden-sample batches and its production batches started in the 90 days before the
/// pilot (else its three latest before it). Yield is judged against production when there is some, else against the
/// golden samples. Margins: the product's stored ones, else 10 % of the spec window. Everything comes from stored batch
/// statistics (no raw values).
/// </summary>
public sealed class PilotQueries(SecondSourceDbContext db, VaultLines lines, TestDataQueries testData, CompareBatchesHandler compare)
{
    public const int ProductionWindowDays = 90;

    /// <summary>The worst measurements against the first reference get a chart of both distributions.</summary>
    public const int ChartedMeasurements = 4;

    /// <summary>The second-source lines of the product past candidacy, for choosing a pilot.</summary>
    public async Task<IReadOnlyList<VaultLine>> SecondLinesAsync(Guid productId, CancellationToken ct) =>
        [.. (await lines.OfProductAsync(productId, ct)).Where(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate)];

    /// <summary>The DFM items of the product's second lines the caller sees (a manufacturer: its own), oldest first.</summary>
    public async Task<IReadOnlyList<(DfmItem Item, string Line)>> DfmAsync(Guid productId, CancellationToken ct)
    {
        var names = (await lines.OfProductAsync(productId, ct)).ToDictionary(l => l.Id, l => l.Name);
        var items = await db.DfmItems.AsNoTracking().Include(d => d.History).Where(d => d.ProductId == productId).OrderBy(d => d.RaisedAt).ToListAsync(ct);
        return [.. items.Select(i => (i, names.GetValueOrDefault(i.LineId) ?? "(line)"))];
    }

    /// <summary>The line's place in the product's program (tracked, with its history), or null.</summary>
    public Task<ProgramLine?> ProgramLineAsync(Guid productId, Guid lineId, CancellationToken ct) =>
        (from pl in db.ProgramLines.Include(l => l.History)
         join program in db.Programs on pl.ProgramId equals program.Id
         where program.ProductId == productId && pl.LineId == lineId
         select pl).FirstOrDefaultAsync(ct);

    /// <summary>The default policy with the product's stored margins (and, if given, another default fraction).</summary>
    public async Task<ComparisonPolicy> PolicyAsync(Guid productId, double? marginFraction, CancellationToken ct)
    {
        var margins = await db.MeasurementMargins.AsNoTracking().Where(m => m.ProductId == productId).ToListAsync(ct);
        var policy = new ComparisonPolicy { Margins = margins.ToDictionary(m => m.Name, m => m.Rule, StringComparer.OrdinalIgnoreCase) };
        return marginFraction is { } f ? policy with { MarginFraction = f } : policy;
    }

    /// <summary>The product's stored margins, by measurement name.</summary>
    public async Task<IReadOnlyList<MeasurementMargin>> MarginsAsync(Guid productId, CancellationToken ct) =>
        await db.MeasurementMargins.AsNoTracking().Where(m => m.ProductId == productId).OrderBy(m => m.Name).ToListAsync(ct);

    public async Task<Result<PilotView>> ViewAsync(Guid productId, Guid lineId, CancellationToken ct)
    {
        var policy = await PolicyAsync(productId, null, ct);
        var productLines = await lines.OfProductAsync(productId, ct);
        var line = productLines.FirstOrDefault(l => l.Id == lineId && l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
        if (line is null)
        {
            return Fail.NotFound("That line is not a second source of this product.");
        }

        var primary = productLines.FirstOrDefault(l => l.Role == LineRole.Primary);
        var batches = await testData.BatchesAsync(productId, ct);
        var lineBatches = await db.TestBatches.AsNoTracking().Where(b => b.ProductId == productId).Select(b => new { b.Id, b.LineId, b.Kind, b.StartedAt }).ToListAsync(ct);
        var pilotRow = lineBatches.Where(b => b.LineId == lineId && b.Kind == BatchKind.Pilot).OrderByDescending(b => b.StartedAt).FirstOrDefault();
        var pilot = pilotRow is null ? null : batches.First(b => b.Id == pilotRow.Id);
        var dfm = await db.DfmItems.AsNoTracking().Include(d => d.History).Where(d => d.ProductId == productId && d.LineId == lineId).OrderBy(d => d.RaisedAt).ToListAsync(ct);
        var decision = await db.PilotGateDecisions.AsNoTracking().Where(d => d.ProductId == productId && d.LineId == lineId).OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(ct);

        var references = new List<PilotReference>();
        YieldComparison? yield = null;
        if (pilot is not null && pilot.UnitsTested > 0 && primary is not null)
        {
            var primaryBatches = lineBatches.Where(b => b.LineId == primary.Id && batches.First(x => x.Id == b.Id).UnitsTested > 0).ToList();
            var golden = primaryBatches.Where(b => b.Kind == BatchKind.Golden).Select(b => b.Id).ToList();
            var before = primaryBatches.Where(b => b.Kind == BatchKind.Production && b.StartedAt <= pilotRow!.StartedAt).OrderByDescending(b => b.StartedAt).ToList();
            var window = before.Where(b => b.StartedAt >= pilotRow!.StartedAt.AddDays(-ProductionWindowDays)).ToList();
            var production = (window.Count > 0 ? window : before.Take(3)).Select(b => b.Id).ToList();
            foreach (var (label, ids) in new[] { ("golden samples", golden), ("primary production", production) })
            {
                if (ids.Count == 0)
                {
                    continue;
                }

                var result = await compare.HandleAsync(new CompareBatchesRequest(productId, ids, [pilot.Id], policy, references.Count == 0 ? ChartedMeasurements : 0), ct);
                if (result.Value is { } report)
                {
                    references.Add(new PilotReference(label, [.. batches.Where(b => ids.Contains(b.Id)).Select(b => b.Name)], report));
                }
            }

            yield = (references.FirstOrDefault(r => r.Label == "primary production") ?? references.FirstOrDefault())?.Report.Yield;
        }

        var gate = PilotGate.Evaluate(pilot?.UnitsTested ?? 0,
            [.. references.Select(r => (r.Label, r.Report.Measurements, r.Report.OnlyInA))],
            pilot is null ? null : yield, dfm);
        if (pilot is not { UnitsTested: > 0 })
        {
            gate = gate with { Checks = [new GateCheck("A pilot batch with test data", false, "the line has no batch of kind Pilot with tested units"), .. gate.Checks] };
        }

        return Result.Ok(new PilotView(line, primary, pilot, references, yield, dfm, gate, decision));
    }
}
