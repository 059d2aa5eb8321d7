using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Demo;
using SecondSource.Application.Vault;
using SecondSource.Domain.Planning;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Planning;

/// <summary>
/// The second line's emergency shift in the demo: a clause of 90 % of the program's demand (4,000 units a week) in 4
/// weeks, 4,200 a week reserved and 5,000 installed at the second line, the primary's recovery 12 weeks, 16,000 units of
/// bridge inventory; a surge Run@Rate ten months old (stale: little credit left) and a tabletop drill two months ago
/// that passed.
/// </summary>
public sealed class PlanningDemoSeeder(VaultLines lines) : IDemoSeeder
{
    public int Order => 700;

    public string Feature => "Emergency shift";

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
        context.Db.ShiftPlans.Add(plan);
        context.Db.SurgeRuns.Add(SurgeRunRecord.Record(product, second.Id, second.PartyId, new SurgeRun(today.AddDays(-300), 8, 1000, 1030, 40), "run at rate", now.AddDays(-299), engineer));
        context.Db.ShiftDrills.Add(ShiftDrill.Record(plan, DrillKind.Tabletop, today.AddDays(-60), [1500, 2600, 3700, 4100], "Tabletop with Vistula's planning and Aurora supply chain; component transfers checked against quotas.", now.AddDays(-59), engineer));
        await context.Db.SaveChangesAsync(ct);
        context.Report("Emergency shift: a clause of 90 % in 4 weeks for the second line, a stale surge run (10 months old) and a passed tabletop drill two months ago");
    }
}
