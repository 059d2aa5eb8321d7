using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

/// <summary>The comparison of a program's candidate lines against the product's requirements and the primary.</summary>
public sealed record CandidateComparison(
    ProgramView Program,
    ProductRequirements Requirements,
    string PrimaryLine,
    string PrimaryZone,
    EvaluationWeights Weights,
    IReadOnlyList<CandidateResult> Results,
    IReadOnlyDictionary<Guid, LineStage> Stages,
    SelectionDecision? Decision,
    string? DecidedLineName);

/// <summary>Evaluates a program's candidates with the given weights (the buyer's view; manufacturers never see it).</summary>
public sealed class EvaluateCandidatesHandler(SecondSourceDbContext db, ProgramQueries programs, Lines.ZoneQueries zoneQueries, TimeProvider clock)
{
    public async Task<Result<CandidateComparison>> HandleAsync(Guid programId, EvaluationWeights weights, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var program = await programs.FindAsync(programId.ToString(), ct);
        var product = program is null ? null : await db.Products.AsNoTracking().SingleAsync(p => p.Id == program.ProductId, ct);
        if (program is null || product is null)
        {
            return Fail.NotFound($"There is no program {programId}.");
        }

        var primary = program.Lines.FirstOrDefault(l => l.Role == LineRole.Primary);
        var lineIds = program.Lines.Select(l => l.LineId).ToList();
        var lines = await db.Lines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToListAsync(ct);
        var siteIds = lines.Select(l => l.SiteId).ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.ProgramId == programId).ToDictionaryAsync(a => a.LineId, ct);
        if (primary is null)
        {
            return Fail.Conflict($"The program {program.Name} has no primary line.");
        }

        var zones = await zoneQueries.CurrentAsync(ct);
        var primaryLine = lines.Single(l => l.Id == primary.LineId);
        var primaryZone = Zone.For(sites[primaryLine.SiteId].Country, zones);
        var candidates = program.Lines.Where(l => l.Role == LineRole.SecondSource).Select(pl =>
        {
            var line = lines.Single(l => l.Id == pl.LineId);
            return new CandidateProfile(line.Id, $"{pl.LineName} ({pl.Manufacturer})", sites[line.SiteId].Country, line.Capabilities, line.Capacity,
                line.Certifications.Select(c => c.ToCertification()).ToList(),
                assessments.TryGetValue(line.Id, out var a) ? a.Assessment : new CandidateAssessment());
        }).ToList();
        var context = new EvaluationContext(product.Requirements, primaryZone, zones, program.FullDemandUnitsPerWeek, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var results = CandidateEvaluation.Evaluate(context, candidates, weights);
        var decision = await db.Decisions.AsNoTracking().Where(d => d.ProgramId == programId).OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(ct);
        var decidedName = decision is null ? null : program.Lines.FirstOrDefault(l => l.LineId == decision.ChosenLineId)?.LineName;
        return Result.Ok(new CandidateComparison(program, product.Requirements, $"{primary.LineName} ({primary.Manufacturer})", primaryZone.Name, weights, results,
            program.Lines.ToDictionary(l => l.LineId, l => l.Stage), decision, decidedName));
    }
}
