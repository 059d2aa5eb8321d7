using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Demo;
using SecondSource.Application.Vault;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Reviews;

namespace SecondSource.Application.Reviews;

/// <summary>
/// Three quarters of VSM-200 reviews through the real use cases: a year of monthly orders with each line (the second
/// line about 15 % dearer every quarter; its lead time in line with the primary's in the first quarter and two weeks
/// longer in the next two), the three quarters before the current one generated from the data, each meeting held
/// with both manufacturers and frozen. After the first review the cost difference gets its root cause (small lots)
/// and a finished action, so it is explained, as the AVL difference is after the second (a refused source); the
/// lead-time difference has none and is persistent by the third.
/// </summary>
public sealed class ReviewsDemoSeeder(ImportPurchasesHandler import, GenerateReviewHandler generate, RecordReviewMeetingHandler meeting,
    FreezeReviewHandler freeze, RecordRootCauseHandler rootCause, AddFindingActionHandler addAction, SetFindingActionStatusHandler setAction,
    VaultLines vaultLines) : IDemoSeeder
{
    private const string Product = "AUR-VSM200";

    public int Order => 900;

    public string Feature => "Quarterly reviews";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var productId = await context.Db.Products.Where(p => p.Code == Product).Select(p => p.Id).SingleAsync(ct);
        var lines = await vaultLines.OfProductAsync(productId, ct);
        var primary = lines.Single(l => l.Role == LineRole.Primary);
        var second = lines.Single(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
        var today = DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);
        var current = Quarter.Containing(today, 1);
        var quarters = new[] { current.Previous.Previous.Previous, current.Previous.Previous, current.Previous };

        var csv = new StringBuilder("product,line,kind,reference,date,quantity,unit_price,currency,lead_time_days,delivered\n");
        foreach (var (quarter, index) in quarters.Select((q, i) => (q, i)))
        {
            var (start, _) = quarter.Period(1);
            csv.Append(CultureInfo.InvariantCulture, $"{Product},{primary.Name},quote,PR-Q-{quarter},{start:yyyy-MM-dd},900,41.90,USD,35,\n");
            csv.Append(CultureInfo.InvariantCulture, $"{Product},{second.Name},quote,VE-Q-{quarter},{start:yyyy-MM-dd},180,48.40,USD,{(index == 0 ? 35 : 49)},\n");
            for (var month = 0; month < 3; month++)
            {
                var ordered = start.AddMonths(month).AddDays(2);
                csv.Append(CultureInfo.InvariantCulture, $"{Product},{primary.Name},order,PO-{ordered:yyMM}-P,{ordered:yyyy-MM-dd},300,{41.80m - index * 0.10m:0.00},USD,,{ordered.AddDays(33 + month):yyyy-MM-dd}\n");
                csv.Append(CultureInfo.InvariantCulture, $"{Product},{second.Name},order,PO-{ordered:yyMM}-V,{ordered:yyyy-MM-dd},60,{48.10m - index * 0.05m:0.00},USD,,{ordered.AddDays((index == 0 ? 34 : 50) + month):yyyy-MM-dd}\n");
            }
        }

        DemoSeedContext.Value(await import.HandleAsync(new ImportPurchasesRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "aurora-purchasing-export.csv", "demo seed"), ct), "the purchase records");

        var buyer = context.Buyer?.Name ?? "Aurora Medical Instruments AB";
        string Organisation(VaultLine line) => line.Name.Split(" / ")[0];
        Attendee[] attendees =
        [
            new("Ingrid Halvorsen (supply chain)", buyer), new("Tomas Berg (quality)", buyer),
            new("Wei Chen (program manager)", Organisation(primary)), new("Agnieszka Nowak (operations)", Organisation(second)),
            new("Piotr Zielinski (test engineering)", Organisation(second)),
        ];
        foreach (var (quarter, index) in quarters.Select((q, i) => (q, i)))
        {
            var review = DemoSeedContext.Value(await generate.HandleAsync(new GenerateReviewRequest(Product, quarter.ToString(), "demo seed"), ct), $"the {quarter} review");
            var heldOn = quarter.Next.Period(1).Start.AddDays(20);
            var decisions = index switch
            {
                0 => "Keep Vistula at its monthly 60-unit batches. Purchasing to explain Vistula's unit cost before the next review.",
                1 => "Cost difference explained (lot size) and accepted as the price of a warm line. Vistula to report on its longer lead time.",
                _ => "Lead time still two weeks longer at Vistula with no root cause: Vistula to bring a capacity analysis to the next review.",
            };
            DemoSeedContext.Value(await meeting.HandleAsync(new RecordReviewMeetingRequest(review.Id, attendees, decisions, heldOn < today ? heldOn : today, "demo seed"), ct), "a review meeting");
            DemoSeedContext.Value(await freeze.HandleAsync(new FreezeReviewRequest(review.Id, "demo seed"), ct), "a frozen review");
            if (index == 0)
            {
                var cost = await context.Db.ReviewFindings.SingleAsync(f => f.SecondLineId == second.Id && f.Area == ReviewArea.UnitCost, ct);
                DemoSeedContext.Value(await rootCause.HandleAsync(new RecordRootCauseRequest(cost.Id, RootCauseCategory.Commercial,
                    "Vistula builds 60-unit lots against the primary's 300: stencil, feeder set-up and first-article time are spread over a fifth of the units. The difference is the price of keeping the line warm.",
                    "Vistula quote VE-Q breakdown, set-up 1,140 USD a lot", "Ingrid Halvorsen", "demo seed"), ct), "a root cause");
                var action = DemoSeedContext.Value(await addAction.HandleAsync(new AddFindingActionRequest(cost.Id, "Quote a 120-unit lot every second month as an alternative", "Agnieszka Nowak", heldOn.AddDays(45), "demo seed"), ct), "an action");
                DemoSeedContext.Value(await setAction.HandleAsync(new SetFindingActionStatusRequest(action.Id, ActionStatus.Done, "demo seed"), ct), "an action status");
            }

            if (index == 1)
            {
                var avl = await context.Db.ReviewFindings.SingleAsync(f => f.SecondLineId == second.Id && f.Area == ReviewArea.AvlAlignment, ct);
                DemoSeedContext.Value(await rootCause.HandleAsync(new RecordRootCauseRequest(avl.Id, RootCauseCategory.Material,
                    "Vistula refused Diodes AP7354-33W5-7 at first article: its reels arrived without moisture barrier bags and Vistula's MSL procedure rejects them. The TI TLV75533 source covers the part on both lines meanwhile.",
                    "Vistula first-article report FA-2026-031", "Piotr Zielinski", "demo seed"), ct), "a root cause");
            }

            if (index == 2)
            {
                var lead = await context.Db.ReviewFindings.SingleAsync(f => f.SecondLineId == second.Id && f.Area == ReviewArea.LeadTime, ct);
                DemoSeedContext.Value(await addAction.HandleAsync(new AddFindingActionRequest(lead.Id, "Capacity analysis of Vistula's SMT line and its order lead time", "Agnieszka Nowak", heldOn.AddDays(60), "demo seed"), ct), "an action");
            }
        }

        context.Report($"Quarterly reviews: {quarters[0]}–{quarters[^1]} of {Product} generated from the data, held with both manufacturers and frozen; the cost and AVL differences explained by root causes, the lead-time difference persistent without one");
    }
}
