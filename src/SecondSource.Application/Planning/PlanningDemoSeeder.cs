using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Demo;
using SecondSource.Application.Vault;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Planning;

/// <summary>
/// Planning in the demo: standing capacity 4,800 a week at the primary and 1,500 at the second line, a 26-week forecast
/// around 4,000 a week imported through the forecast import, and the optimiser's 26-week plan adopted (in the launch
/// band, a warm batch every month); four operators trained at the second line, one of them over a year ago. The second
/// line's emergency shift: a clause of 90 % of the program's demand (4,000 units a week) in 4
/// weeks, 4,200 a week reserved and 5,000 installed at the second line, the primary's recovery 12 weeks, 16,000 units of
/// bridge inventory, 12,000 component kits held for a surge until supply catches up in 6 weeks; a surge Run@Rate ten
/// months old (stale: little credit left) and a tabletop drill two months ago that passed.
/// </summary>
public sealed class PlanningDemoSeeder(VaultLines lines, ImportForecastHandler forecast, OptimisePlanHandler optimise) : IDemoSeeder
{
    public int Order => 700;

    public string Feature => "Allocation plan and emergency shift";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = await context.Db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync(ct);
        var second = (await lines.OfProductAsync(product, ct)).Single(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
        var now = context.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        const string engineer = "engineer@aurora-medical.example";

        var plan = ShiftPlan.Create(product, second.Id, second.PartyId);
        plan.Set(new ShiftClause(0.9, 4), 4000, 4200, 5000, 12, 16000, now.AddDays(-90), engineer);
        plan.SetComponents(12_000, 6);
        context.Db.ShiftPlans.Add(plan);
        context.Db.SurgeRuns.Add(SurgeRunRecord.Record(product, second.Id, second.PartyId, new SurgeRun(today.AddDays(-300), 8, 1000, 1030, 40), "run at rate", now.AddDays(-299), engineer));
        context.Db.ShiftDrills.Add(ShiftDrill.Record(plan, DrillKind.Tabletop, today.AddDays(-60), [1500, 2600, 3700, 4100], "Tabletop with Vistula's planning and Aurora supply chain; component transfers checked against quotas.", now.AddDays(-59), engineer));
        await context.Db.SaveChangesAsync(ct);
        foreach (var (person, skill, daysAgo) in new[] { ("A. Nowak", "SMT", 60), ("K. Wiśniewska", "ICT", 200), ("P. Zieliński", "FCT", 430), ("M. Kowalczyk", "rework", 100) })
        {
            context.Db.OperatorTrainings.Add(OperatorTraining.Record(product, second.Id, second.PartyId, person, skill, today.AddDays(-daysAgo), now.AddDays(-daysAgo + 1), engineer));
        }

        var program = await context.Db.Programs.Include(p => p.Lines).SingleAsync(p => p.ProductId == product, ct);
        foreach (var line in program.Lines.Where(l => l.Stage is not (LineStage.Candidate or LineStage.Suspended)))
        {
            line.SetStandingCapacity(line.Role == LineRole.Primary ? 4800 : 1500);
        }

        await context.Db.SaveChangesAsync(ct);
        var monday = PlanWeeks.MondayOf(today);
        var csv = new System.Text.StringBuilder("product,period,quantity\n");
        for (var week = 0; week < 26; week++)
        {
            // A seasonal swing of ±5 % around 4,000 a week.
            var units = 4000 + (int)Math.Round(200 * Math.Sin(2 * Math.PI * week / 13));
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"AUR-VSM200,{PlanWeeks.Label(monday.AddDays(7 * week))},{units}\n");
        }

        using (var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString())))
        {
            var imported = await forecast.HandleAsync(new ImportForecastRequest(file, "vsm200-forecast.csv", engineer), ct);
            _ = imported.Value ?? throw new InvalidOperationException($"The demo forecast was refused: {imported.Failure!.Message}");
        }

        var proposal = await optimise.HandleAsync(new OptimisePlanRequest(product, Adopt: true, By: engineer), ct);
        var adopted = proposal.Value ?? throw new InvalidOperationException($"The demo plan could not be optimised: {proposal.Failure!.Message}");
        context.Report($"Allocation: capacities, a 26-week forecast and the optimiser's 26-week plan ({adopted.Solution.Status}, {adopted.Findings.Count} findings)");
        context.Report("Emergency shift: a clause of 90 % in 4 weeks for the second line, a stale surge run (10 months old) and a passed tabletop drill two months ago");
    }
}
