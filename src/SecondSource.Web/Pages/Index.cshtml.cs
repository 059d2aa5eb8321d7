using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Application.Parties;
using SecondSource.Application.Programs;
using SecondSource.Domain.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Web.Authorization;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Pages;

/// <summary>
/// The dashboard. The buyer's: what needs attention across the programs (the scorecards' own checks), the programs with
/// each line's stage, coverage, warmth, health and the last four quarters' share and yields, and the getting-started checklist. A manufacturer's: what waits for
/// it, and the programs its lines are in, as it may see them.
/// </summary>
public sealed class IndexModel(PartyQueries parties, ProgramQueries programs, AvlQueries avl, ProgramFacts facts, Application.Health.HealthQueries health,
    Application.Health.ProgramTrendQueries trendQueries, ManufacturerAgenda agenda, GettingStartedQueries gettingStarted, ReadModelCache cache, IPartyContext partyContext) : PageModel
{
    public bool IsBuyer { get; private set; }

    public bool IsAdmin { get; private set; }

    public string PartyName { get; private set; } = "";

    public IReadOnlyList<ProgramView> Programs { get; private set; } = [];

    public IReadOnlyList<PartyView> Manufacturers { get; private set; } = [];

    /// <summary>Each product's latest dual-sourcing coverage (every line for the buyer; its own line for a manufacturer).</summary>
    public IReadOnlyDictionary<Guid, CoveragePoint> Coverage { get; private set; } = new Dictionary<Guid, CoveragePoint>();

    /// <summary>Each product's second lines with their warmth (a manufacturer: its own line only).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<Application.Planning.LineWarmth>> Warmth { get; private set; } = new Dictionary<Guid, IReadOnlyList<Application.Planning.LineWarmth>>();

    /// <summary>Each program's scorecard, for the buyer (by program id).</summary>
    public IReadOnlyDictionary<Guid, Application.Health.ProgramScorecard> Health { get; private set; } = new Dictionary<Guid, Application.Health.ProgramScorecard>();

    /// <summary>For a manufacturer: what binds it and what waits for it (NDA and grant ends, acknowledgements, DFM items, review actions).</summary>
    public IReadOnlyList<AgendaItem> Agenda { get; private set; } = [];

    /// <summary>Each product's coverage over time, oldest first (the buyer: every line together; a manufacturer: its own lines, the lowest).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<(DateTimeOffset At, double Percent)>> CoverageTrend { get; private set; } = new Dictionary<Guid, IReadOnlyList<(DateTimeOffset, double)>>();

    /// <summary>Each program's last four quarters (by program id): batches and first-pass yields per line, and for the buyer the second lines' share of units started.</summary>
    public IReadOnlyDictionary<Guid, Application.Health.ProgramTrend> Trends { get; private set; } = new Dictionary<Guid, Application.Health.ProgramTrend>();

    /// <summary>For the buyer: how far the installation is set up (the getting-started checklist).</summary>
    public SetupProgress? Setup { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsBuyer = User.IsBuyer();
        IsAdmin = User.IsBuyerAdmin();
        PartyName = User.FindFirstValue(SecondSourceClaims.PartyName) ?? "";
        // Everything below depends only on the party scope (the query filters) and on whether the caller is the buyer.
        var data = await cache.GetAsync($"dashboard|{partyContext.Scope}|{IsBuyer}", LoadAsync, ct);
        (Programs, Coverage, CoverageTrend, Health, Warmth, Trends, Manufacturers, Agenda, Setup) = data;
    }

    private async Task<Dashboard> LoadAsync(CancellationToken ct)
    {
        var list = await programs.ListAsync(ct);
        var coverage = await avl.LatestCoverageAsync(list.Select(p => p.ProductId).Distinct().ToList(), ct);
        var trends = new Dictionary<Guid, IReadOnlyList<(DateTimeOffset, double)>>();
        foreach (var product in list.Select(p => p.ProductId).Distinct())
        {
            // The same series the latest figure comes from: every line together for the buyer, the caller's own lines (the lowest) for a manufacturer.
            var (_, points) = await avl.CoverageTrendAsync(product, ct);
            trends[product] = (IsBuyer
                    ? points.Where(p => p.LineId is null).Select(p => (p.At, p.Percent))
                    : points.Where(p => p.LineId is not null).GroupBy(p => p.At).Select(g => (g.Key, g.Min(p => p.Percent))))
                .OrderBy(p => p.Item1).TakeLast(40).ToList();
        }

        IReadOnlyDictionary<Guid, Application.Health.ProgramScorecard> scorecards = new Dictionary<Guid, Application.Health.ProgramScorecard>();
        IReadOnlyDictionary<Guid, Application.Health.ProgramTrend> quarterly = new Dictionary<Guid, Application.Health.ProgramTrend>();
        IReadOnlyDictionary<Guid, IReadOnlyList<Application.Planning.LineWarmth>> warmthByProduct;
        if (IsBuyer)
        {
            // The scorecard reads the second lines' warmth on its way; the warmth column shows the same reading.
            scorecards = (await health.ScorecardsAsync(null, ct)).ToDictionary(s => s.ProgramId);
            warmthByProduct = scorecards.Values.GroupBy(s => s.ProductId).ToDictionary(g => g.Key, g => g.First().Warmth);
        }
        else
        {
            var own = new Dictionary<Guid, IReadOnlyList<Application.Planning.LineWarmth>>();
            foreach (var product in list.Select(p => p.ProductId).Distinct())
            {
                // The same warmth the buyer's scorecard reads (computed over the whole program), projected to the manufacturer's own lines.
                own[product] = await facts.WarmthAsync(product, ct);
            }

            warmthByProduct = own;
        }

        // Computed over each whole program, projected for the viewer (a manufacturer: its own lines, no share).
        quarterly = await trendQueries.TrendsAsync(ct);
        var manufacturers = (await parties.ListAsync(ct)).Where(p => p.Kind == PartyKind.Manufacturer).ToList();
        var waiting = IsBuyer ? [] : await agenda.ListAsync(ct);
        var setup = IsBuyer ? await gettingStarted.ProgressAsync(ct) : null;
        return new Dashboard(list, coverage, trends, scorecards, warmthByProduct, quarterly, manufacturers, waiting, setup);
    }

    private sealed record Dashboard(
        IReadOnlyList<ProgramView> Programs,
        IReadOnlyDictionary<Guid, CoveragePoint> Coverage,
        IReadOnlyDictionary<Guid, IReadOnlyList<(DateTimeOffset At, double Percent)>> CoverageTrend,
        IReadOnlyDictionary<Guid, Application.Health.ProgramScorecard> Health,
        IReadOnlyDictionary<Guid, IReadOnlyList<Application.Planning.LineWarmth>> Warmth,
        IReadOnlyDictionary<Guid, Application.Health.ProgramTrend> Trends,
        IReadOnlyList<PartyView> Manufacturers,
        IReadOnlyList<AgendaItem> Agenda,
        SetupProgress? Setup);
}
