using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary><c>secondsource testdata compare</c>: two test-log files, no database, the JSON contract and the exit codes.</summary>
public sealed class TestDataCompareCommandTests
{
    // Research note stats_methods.md §7.2 Example 1 ("clinic" var1; PUBLISHED R equivalence::tost values).
    private static readonly double[] XB = [2.84, 2.51, 2.41, 2.95, 3.14, 3.79, 4.14, 3.85, 3.02, 3.45, 5.37, 3.81, 4.19, 3.16, 3.84];
    private static readonly double[] XA = [2.60, 2.82, 2.18, 3.46, 4.01, 3.04, 3.47, 4.06, 2.91, 3.59, 4.51, 3.16, 3.86, 3.31, 3.02];

    private static Task<CliRun> Compare(TempFolder folder, params string[] args) =>
        CliRun.RunAsync(null, new Hashtable { ["SECONDSOURCE_DATA"] = folder.File("data") }, ["testdata", "compare", .. args]);

    /// <summary>A long-CSV log: one run per unit, each measurement (name, unit, low, high, values per unit).</summary>
    private static string Log(TempFolder folder, string file, string prefix, int units, params (string Name, string Unit, double Low, double High, Func<int, double> Value)[] measurements)
    {
        var csv = new StringBuilder("serial,batch,station,run_start,run_result,measurement,value,unit,low,high,result\n");
        for (var u = 0; u < units; u++)
        {
            foreach (var (name, unit, low, high, value) in measurements)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{prefix}{u:D4},B1,FCT,2026-11-02T08:{u / 60 % 60:D2}:{u % 60:D2}Z,Passed,{name},{value(u).ToString("R", CultureInfo.InvariantCulture)},{unit},{low.ToString(CultureInfo.InvariantCulture)},{high.ToString(CultureInfo.InvariantCulture)},Passed\n");
            }
        }

        var path = folder.File(file);
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public async Task The_published_tost_example_comes_out_of_two_files_as_json()
    {
        using var folder = new TempFolder("compare");
        var a = Log(folder, "primary.csv", "A", XA.Length, ("X", "V", 1, 7, u => XA[u]));
        var b = Log(folder, "pilot.csv", "B", XB.Length, ("X", "V", 1, 7, u => XB[u]));

        var run = await Compare(folder, a, b, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var x = root.GetProperty("measurements")[0];
        x.GetProperty("name").GetString().ShouldBe("X");
        x.GetProperty("a").GetProperty("n").GetInt32().ShouldBe(15);
        x.GetProperty("difference").GetDouble().ShouldBe(0.1646666666666667, 1e-12);
        x.GetProperty("ci90").GetProperty("low").GetDouble().ShouldBe(-0.2666862980722534, 1e-12);
        x.GetProperty("ci90").GetProperty("high").GetDouble().ShouldBe(0.596019631405587, 1e-12);
        x.GetProperty("tostP").GetDouble().ShouldBe(0.04853083976236974, 1e-12);
        x.GetProperty("welchP").GetDouble().ShouldBe(0.520957300271085, 1e-12);
        x.GetProperty("adjustedP").GetDouble().ShouldBe(0.520957300271085, 1e-12); // a family of one
        x.GetProperty("verdict").GetString().ShouldBe("Equivalent");
        x.GetProperty("b").GetProperty("cpk").ValueKind.ShouldBe(JsonValueKind.Number);
        var yield = root.GetProperty("yield");
        yield.GetProperty("a").GetDouble().ShouldBe(1);
        yield.GetProperty("difference").GetDouble().ShouldBe(0);
        yield.GetProperty("ci95").GetProperty("low").GetDouble().ShouldBeLessThan(0);
        yield.GetProperty("p").GetDouble().ShouldBe(1, 1e-12);
        root.GetProperty("summary").GetProperty("Equivalent").GetInt32().ShouldBe(1);
        root.GetProperty("summary").GetProperty("Different").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Differences_units_and_limits_are_reported_and_the_exit_code_says_so()
    {
        using var folder = new TempFolder("compare");
        var random = new Random(3);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var a = Log(folder, "a.csv", "A", 400,
            ("VCC_1V8", "V", 1.764, 1.836, _ => 1.8 + 0.006 * Noise()),
            ("T_BOOT", "ms", 250, 380, _ => 310 + 8 * Noise()),
            ("I_IDLE", "mA", 35, 50, _ => 42 + 1.5 * Noise()),
            ("ONLY_A", "V", 0, 1, _ => 0.5));
        var b = Log(folder, "b.csv", "B", 300,
            ("VCC_1V8", "mV", 1764, 1836, _ => 1800 + 6 * Noise()),   // millivolts: converted, equivalent
            ("T_BOOT", "ms", 250, 380, _ => 330 + 8 * Noise()),       // 20 ms later: beyond the 13 ms margin
            ("I_IDLE", "mA", 30, 50, _ => 42 + 1.5 * Noise()));       // another lower limit

        var run = await Compare(folder, a, b);

        run.ExitCode.ShouldBe(1, run.Error + run.Out);
        run.Out.ShouldMatch(@"VCC_1V8\s+V\s+400\s+300.*Equivalent");
        run.Out.ShouldMatch(@"T_BOOT\s+s\s+400\s+300.*Different");
        run.Out.ShouldContain("I_IDLE: limits differ: [0.035, 0.05] on A, [0.03, 0.05] on B");
        run.Out.ShouldContain("Only in A: ONLY_A");
        run.Out.ShouldContain("1 equivalent, 1 different, 0 inconclusive, 1 notcomparable");
    }

    [Fact]
    public async Task Too_few_units_are_inconclusive_with_the_minimum_needed()
    {
        using var folder = new TempFolder("compare");
        var a = Log(folder, "a.csv", "A", 50, ("V", "V", 0, 10, u => 5 + u % 7 * 0.01));
        var b = Log(folder, "b.csv", "B", 4, ("V", "V", 0, 10, u => 5 + u * 0.01));

        var run = await Compare(folder, a, b, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var v = json.RootElement.GetProperty("measurements")[0];
        v.GetProperty("verdict").GetString().ShouldBe("Inconclusive");
        v.GetProperty("reason").GetString()!.ShouldContain("at least 10 a side");
        v.GetProperty("tostP").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_unreadable_file_is_refused_naming_file_line_and_field()
    {
        using var folder = new TempFolder("compare");
        var a = Log(folder, "a.csv", "A", 20, ("V", "V", 0, 10, _ => 5));
        var bad = folder.File("bad.csv");
        File.WriteAllText(bad, "serial,batch,station,run_start,run_result,measurement,value,result\nS1,B1,FCT,2026-11-02T08:00:00Z,Passed,V,NaN,Passed\n");

        var run = await Compare(folder, a, bad);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("bad.csv, line 2, field value");
        (await Compare(folder, a, folder.File("missing.csv"))).Error.ShouldContain("missing.csv");
    }

    [Fact]
    public async Task Bad_options_are_usage_errors()
    {
        using var folder = new TempFolder("compare");
        var a = Log(folder, "a.csv", "A", 20, ("V", "V", 0, 10, _ => 5));

        (await Compare(folder, a, a, "--margin", "V=-1")).ExitCode.ShouldBe(2);
        (await Compare(folder, a, a, "--margin-fraction", "1.5")).Error.ShouldContain("--margin-fraction '1.5' is not a number from 0.0001 to 1");
    }
}
