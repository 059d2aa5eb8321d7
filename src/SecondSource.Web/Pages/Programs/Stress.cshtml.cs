using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Application.Programs;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>
/// The stress test of a program's second line (the buyer's people): the primary fails; time to survive and the bridge
/// inventory the ramp needs; a seeded Monte Carlo for today's warmth, a monthly and a quarterly warm batch, as a table,
/// a survival chart and a loss-exceedance chart.
/// </summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class StressModel(ProgramReadModel program, RunStressTestHandler stress, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    public const int MinScenarios = 100;

    /// <summary>The most a page request runs (about 2 s of two cores); the CLI runs more.</summary>
    public const int MaxScenarios = 100_000;

    public ProgramView? Program { get; private set; }

    public StressReport? Report { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>Said when the scenarios asked for were outside what the page runs.</summary>
    public string? Adjusted { get; private set; }

    public int Scenarios { get; private set; }

    public int Seed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? scenarios, int? seed, CancellationToken ct)
    {
        Program = await program.FindAsync(id, ct);
        if (Program is null)
        {
            return NotFound();
        }

        (Scenarios, Seed) = (Math.Clamp(scenarios ?? 10_000, MinScenarios, MaxScenarios), seed ?? 1);
        if (scenarios is { } asked && asked != Scenarios)
        {
            Adjusted = $"The page runs {MinScenarios:N0} to {MaxScenarios:N0} scenarios; {asked:N0} were asked for, {Scenarios:N0} were run ('secondsource stress' runs up to {RunStressTestHandler.MaxScenarios:N0}).";
        }

        // Seeded, so the same program, scenarios and seed give the same report until the data changes: served from the
        // read model (a run of 10,000 scenarios is about a second of both cores; 32 people at once timed out).
        var result = await cache.GetAsync($"stress|{Program.ProductId}|{Scenarios}|{Seed}|{partyContext.Scope}",
            c => stress.HandleAsync(new RunStressTestRequest(Program.ProductId, Scenarios, Seed), c), ct);
        (Report, Refusal) = (result.Value, result.Failure?.Message);
        return Page();
    }
}
