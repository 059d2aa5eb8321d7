using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Demo;
using SecondSource.Domain.Programs;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

/// <summary>
/// The second line's pilot at the gate: the line moves to Pilot; two DFM items go with the two measurements that
/// differ from the golden samples — the FCT rig's slower link partner explains ETH_LINK_TIME (accepted), and the
/// higher idle current is still open (suspected flux residue under the LDO) — so the gate is not yet passed.
/// </summary>
public sealed class PilotDemoSeeder(PilotQueries pilots) : IDemoSeeder
{
    public int Order => 650;

    public string Feature => "Pilot gate";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = await context.Db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync(ct);
        var second = (await pilots.SecondLinesAsync(product, ct)).Single();
        var programLine = await pilots.ProgramLineAsync(product, second.Id, ct)
            ?? throw new InvalidOperationException("The demo's second line has no place in the product's program.");
        var now = context.Clock.GetUtcNow();
        const string engineer = "engineer@aurora-medical.example";
        const string vistula = "member@vistula-ems.example";
        var timeline = new Demo.DemoTimeline(now);
        // The story so far: a year ago the first pilot, the gate, production with a monthly share; now back in Pilot for Rev B.
        programLine.MoveTo(LineStage.Pilot, timeline.FirstPilot, engineer, "pilot build of 300 units (VE-PILOT) against the golden samples");
        programLine.PassPilotGate(timeline.PilotGatePassed, engineer, "first pilot: yield and measurements match the golden samples");
        programLine.MoveTo(LineStage.Production, timeline.InProduction, engineer, "steady monthly share after the ramp");
        programLine.MoveTo(LineStage.Pilot, timeline.Requalification, engineer, "requalification on main board Rev B against the golden samples (VE-PILOT's results carried over)");

        var rig = DfmItem.Raise(product, second.Id, second.PartyId, DfmCategory.Fixture, "FCT rig link partner differs",
            "ETH_LINK_TIME is about 150 ms longer on the pilot. Vistula's FCT rig uses a different managed switch as the link partner; its auto-negotiation is slower.",
            "Bench check: 10 pilot boards on the primary's rig show 1,452 ms on average, as the primary.", "ETH_LINK_TIME", "Vistula test engineering", now.AddDays(-20), vistula);
        rig.SetStatus(DfmStatus.Accepted, "The board is not the cause (same boards on the primary's rig match); the rig's switch will be aligned at the next fixture revision.", null, now.AddDays(-12), engineer);
        var idle = DfmItem.Raise(product, second.Id, second.PartyId, DfmCategory.ReflowProfile, "Idle current higher on the pilot",
            "I_IDLE is about 1.8 mA higher than on the golden samples. Suspected flux residue under U7 (LDO) at Vistula's lower reflow peak (238 °C against 245 °C).",
            null, "I_IDLE", "Vistula process engineering", now.AddDays(-10), engineer);
        context.Db.DfmItems.AddRange(rig, idle);
        await context.Db.SaveChangesAsync(ct);

        var gate = (await pilots.ViewAsync(product, second.Id, ct)).Value!.Gate;
        context.Report($"Pilot gate: {second.Name} in Pilot with a 300-unit pilot; {gate.Checks.Count(c => c.Met)} of {gate.Checks.Count} criteria met (two measurements differ from the golden samples, one explained by an accepted DFM item, one open)");
    }
}
