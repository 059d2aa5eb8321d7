using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>secondsource review on the demo: list, a re-run as a new version with exit 1 for a persistent difference, costs import, bad input.</summary>
public sealed class ReviewCommandTests
{
    [Fact]
    public async Task A_review_is_generated_from_the_command_line_and_fails_on_a_persistent_difference()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);

        var list = await CliRun.OnAsync(database, null, "review", "list", "--json");
        list.ExitCode.ShouldBe(0, list.Error);
        string latest;
        using (var json = JsonDocument.Parse(list.Out))
        {
            var reviews = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            reviews.Count.ShouldBe(3);
            latest = reviews[0].GetProperty("quarter").GetString()!;
        }

        var run = await CliRun.OnAsync(database, null, "review", "generate", "--program", "aur-vsm200", "--quarter", latest, "--json");
        run.ExitCode.ShouldBe(1, "the lead-time difference persists without a root cause: " + run.Error);
        using (var json = JsonDocument.Parse(run.Out))
        {
            json.RootElement.GetProperty("version").GetInt32().ShouldBe(2);
            var items = json.RootElement.GetProperty("pairs").EnumerateArray().Single().GetProperty("items").EnumerateArray().ToList();
            items.Select(i => i.GetProperty("area").GetString()).ShouldBe(["FirstPassYield", "FinalYield", "Defects", "UnitCost", "LeadTime", "AvlAlignment", "FirmwareSync", "TestResults"]);
            json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("area").GetString() == "LeadTime").GetProperty("state").GetString().ShouldBe("Persistent");
        }

        var table = await CliRun.OnAsync(database, null, "review", "generate", "--program", "AUR-VSM200", "--quarter", latest);
        table.Out.ShouldContain("version 3");
        table.Out.ShouldContain("Persistent");

        using var folder = new TempFolder("review");
        var bad = folder.File("costs.csv");
        await File.WriteAllTextAsync(bad, "product,line,kind,reference,date,quantity,unit_price,currency\nAUR-VSM200,SMT line 3,invoice,X,2026-07-01,1,2,USD\n");
        var refused = await CliRun.OnAsync(database, null, "review", "costs", bad);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("costs.csv: line 2, field kind: 'invoice' is neither quote nor order");
        var good = folder.File("quote.csv");
        await File.WriteAllTextAsync(good, "product,line,kind,reference,date,quantity,unit_price,currency,lead_time_days\nAUR-VSM200,SMT line 3,quote,Q-CLI,2026-07-01,100,40.5,USD,30\n");
        (await CliRun.OnAsync(database, null, "review", "costs", good)).Out.ShouldContain("quote.csv: 1 new, 0 corrected.");

        (await CliRun.OnAsync(database, null, "review", "generate", "--program", "AUR-VSM200", "--quarter", "2026Q9")).Error.ShouldContain("'2026Q9' is not a quarter");
        (await CliRun.OnAsync(database, null, "review", "generate", "--program", "NOPE", "--quarter", latest)).ExitCode.ShouldBe(2);
    }
}
