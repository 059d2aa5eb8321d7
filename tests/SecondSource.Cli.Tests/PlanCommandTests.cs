using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>secondsource plan forecast import | check | optimise and secondsource stress, on the demo.</summary>
public sealed class PlanCommandTests
{
    [Fact]
    public async Task The_demo_plan_checks_clean_a_bad_forecast_exits_2_and_a_changed_one_is_re_optimised()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);

        var check = await CliRun.OnAsync(database, null, "plan", "check", "AUR-VSM200");
        check.ExitCode.ShouldBe(0, check.Out + check.Error);
        check.Out.ShouldContain("The plan meets the policy.");

        var folder = Path.Combine(database.Folder.Path, "forecast");
        Directory.CreateDirectory(folder);
        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "product,period,quantity\nAUR-VSM200,2027-W10,-1\nAUR-VSM200,week 11,5\n");
        var refused = await CliRun.OnAsync(database, null, "plan", "forecast", "import", bad);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldBe("secondsource: bad.csv: line 2, field quantity: the quantity -1 is negative; line 3, field period: 'week 11' is neither an ISO week (2027-W05) nor a month (2027-03)\n");

        // Double the demand of the plan's fourth week onwards: the stored plan falls short until it is re-optimised.
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7));
        var surge = Path.Combine(folder, "surge.csv");
        await File.WriteAllLinesAsync(surge, ["product,period,quantity", .. Enumerable.Range(3, 4).Select(w => $"AUR-VSM200,{Label(monday.AddDays(7 * w))},6000")]);
        var imported = await CliRun.OnAsync(database, null, "plan", "forecast", "import", surge, "--json");
        imported.ExitCode.ShouldBe(0, imported.Error);
        using (var json = JsonDocument.Parse(imported.Out))
        {
            json.RootElement.GetProperty("replaced").GetInt32().ShouldBe(4);
        }

        var short_ = await CliRun.OnAsync(database, null, "plan", "check", "AUR-VSM200", "--json");
        short_.ExitCode.ShouldBe(1);
        using (var json = JsonDocument.Parse(short_.Out))
        {
            json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ShouldContain("demand met");
        }

        var proposed = await CliRun.OnAsync(database, null, "plan", "optimise", "AUR-VSM200", "--json");
        proposed.ExitCode.ShouldBe(0, "the proposal meets the policy (6,000 a week fits the lines' 6,300); it is not stored without --adopt");
        using (var json = JsonDocument.Parse(proposed.Out))
        {
            json.RootElement.GetProperty("solver").GetString().ShouldBe("SCIP");
            json.RootElement.GetProperty("adopted").GetBoolean().ShouldBeFalse();
            json.RootElement.GetProperty("slacks").GetArrayLength().ShouldBe(0);
            json.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(0);
        }

        (await CliRun.OnAsync(database, null, "plan", "check", "AUR-VSM200")).ExitCode.ShouldBe(1, "the stored plan still falls short");
        var adopted = await CliRun.OnAsync(database, null, "plan", "optimise", "AUR-VSM200", "--adopt");
        adopted.ExitCode.ShouldBe(0, adopted.Out + adopted.Error);
        adopted.Out.ShouldContain("Adopted as the plan.");
        (await CliRun.OnAsync(database, null, "plan", "check", "AUR-VSM200")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task The_stress_test_is_reproducible_by_seed_and_prints_the_three_cadences()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);

        var a = await CliRun.OnAsync(database, null, "stress", "AUR-VSM200", "--scenarios", "3000", "--seed", "9", "--json");
        var b = await CliRun.OnAsync(database, null, "stress", "AUR-VSM200", "--scenarios", "3000", "--seed", "9", "--json");
        a.ExitCode.ShouldBe(0, a.Error);
        using var ja = JsonDocument.Parse(a.Out);
        using var jb = JsonDocument.Parse(b.Out);
        var pa = ja.RootElement.GetProperty("policies");
        pa.GetArrayLength().ShouldBe(3);
        pa[2].GetProperty("name").GetString().ShouldBe("warm batch quarterly");
        for (var i = 0; i < 3; i++)
        {
            pa[i].GetProperty("conditionalValueAtRisk95").GetDouble().ShouldBe(jb.RootElement.GetProperty("policies")[i].GetProperty("conditionalValueAtRisk95").GetDouble());
            pa[i].GetProperty("survival").GetArrayLength().ShouldBe(27);
        }

        var text = await CliRun.OnAsync(database, null, "stress", "AUR-VSM200", "--scenarios", "1000");
        text.Out.ShouldContain("warm batch monthly");
        text.Out.ShouldContain("3,000 scenarios in");
        (await CliRun.OnAsync(database, null, "stress", "NOPE")).ExitCode.ShouldBe(2);
    }

    private static string Label(DateOnly monday) =>
        $"{System.Globalization.ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}";
}
