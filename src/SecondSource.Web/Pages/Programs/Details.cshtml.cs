using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Domain.Programs;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>
/// A program: its lines and stages for everyone who takes part (a manufacturer sees its own lines only), and for the
/// buyer the comparison of candidate second sources and the decision.
/// </summary>
public sealed class DetailsModel(ProgramReadModel program, EvaluateCandidatesHandler evaluate, ProgramFacts facts,
    Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    public ProgramView? Program { get; private set; }

    public CandidateComparison? Comparison { get; private set; }

    public string RequirementsText { get; private set; } = "";

    public bool CanDecide { get; private set; }

    /// <summary>Lines not yet in the program, which an editor can add as candidates.</summary>
    public IReadOnlyList<Application.Lines.LineView> OtherLines { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The second lines' warmth for the program's product.</summary>
    public IReadOnlyList<Application.Planning.LineWarmth> Warmth { get; private set; } = [];

    /// <summary>The second lines' emergency-shift readiness.</summary>
    public IReadOnlyList<Application.Planning.ShiftReadiness> Shift { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A refusal from the decision page, carried over its redirect.</summary>
    [TempData]
    public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, decimal? zone, decimal? communication, decimal? ip, decimal? allocation, decimal? lead, decimal? cost, decimal? capacity, CancellationToken ct)
    {
        var defaults = new EvaluationWeights();
        var weights = new EvaluationWeights(zone ?? defaults.ZoneDiversity, communication ?? defaults.Communication, ip ?? defaults.IpDiscipline,
            allocation ?? defaults.LowAllocation, lead ?? defaults.LeadTime, cost ?? defaults.UnitCost, capacity ?? defaults.CapacityHeadroom);
        try
        {
            weights.Validate();
        }
        catch (DomainException ex)
        {
            Message = ex.Message + " The default weights are used.";
            weights = defaults;
        }

        Message ??= Refusal;
        return await Load(id, weights, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, EvaluationWeights weights, CancellationToken ct)
    {
        Program = await program.FindAsync(id, ct);
        if (Program is null)
        {
            return false;
        }

        // The shift readiness carries each second line's warmth: one read of batches, fixtures and the vault, not two. Computed over
        // the whole program and projected: a manufacturer sees its own line's entry with the buyer's values.
        // Served from the read model (it reads batches, fixtures and the vault): recomputed after a change.
        var product = Program.ProductId;
        Shift = await cache.GetAsync($"shift|{product}|{partyContext.Scope}", c => facts.ShiftAsync(product, c), ct);
        Warmth = [.. Shift.Select(r => new Application.Planning.LineWarmth(Program.ProductId, r.Line, r.Warmth, r.RevisionItemsBehind))];

        if (User.IsBuyer())
        {
            var comparison = await cache.GetAsync($"candidates|{id}|{partyContext.Scope}|{weights}", c => evaluate.HandleAsync(id, weights, c), ct);
            Comparison = comparison.Value;
            if (Comparison is { } c)
            {
                RequirementsText = Pages.RequirementsText.Describe(c.Requirements);
            }

            CanDecide = User.IsBuyerEditor();
            if (CanDecide)
            {
                var inProgram = Program.Lines.Select(l => l.LineId).ToHashSet();
                OtherLines = (await program.LinesAsync(ct)).Where(l => !inProgram.Contains(l.Id)).ToList();
            }
        }

        return true;
    }
}
