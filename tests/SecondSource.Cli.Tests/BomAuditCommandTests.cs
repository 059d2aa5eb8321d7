using System.Collections;
using System.Text.Json;
using System.Xml.Linq;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary><c>secondsource bom audit</c> end to end, in process: exit codes, outputs, options, no database.</summary>
public sealed class BomAuditCommandTests
{
    private static Task<CliRun> Audit(params string[] args) => CliRun.RunAsync(null, new Hashtable(), ["bom", "audit", .. args]);

    [Fact]
    public async Task Errors_exit_1_and_fail_on_never_exits_0()
    {
        var failing = await Audit(Samples.RealBom("pocketbeagle_PocketBeagle_BOM.csv"));
        var lenient = await Audit(Samples.RealBom("pocketbeagle_PocketBeagle_BOM.csv"), "--fail-on", "never");

        failing.ExitCode.ShouldBe(1);
        failing.Out.ShouldContain("U1 is critical and single-sourced: only Octavo Systems OSD3358-512M-BSM.");
        lenient.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_200_MB_line_is_an_input_error_naming_the_row_not_an_unexpected_failure()
    {
        // The hostile tester's file: a header, a row, then one line of 200 MB (security round 2, finding 6).
        using var folder = new TempFolder("bom");
        var file = folder.File("long-line.csv");
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync("Designator,Quantity,Manufacturer,MPN\nR1,1,Yageo,RC0402FR-0710KL\nR2,1,Yageo,");
            var chunk = new string('A', 1 << 20);
            for (var i = 0; i < 200; i++)
            {
                await writer.WriteAsync(chunk);
            }

            await writer.WriteAsync('\n');
        }

        var run = await Audit(file);
        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("secondsource: long-line.csv, row 3: line 3 is longer than 1,048,576 characters; no BOM row is that long, so the file is refused (is it a BOM?).");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("junit")]
    [InlineData("table")]
    public async Task A_file_refused_half_way_leaves_standard_output_empty_not_half_a_report(string output)
    {
        // Before: 954 KB of JSON on stdout, cut off at row 2,500, then the refusal on stderr (security round 2).
        using var folder = new TempFolder("bom");
        var file = folder.File("late.csv");
        await File.WriteAllTextAsync(file, "Designator,Manufacturer,MPN,Description\n"
            + string.Concat(Enumerable.Range(1, 3_000).Select(i => $"R{i},Yageo,RC0402FR-07{i}L,{(i == 2_500 ? new string('x', 20_000) : "10k")}\n")));

        string[] args = ["bom", "audit", file, "--output", output, .. output == "sarif" ? new[] { "--sarif-root", folder.Path } : []];
        var run = await CliRun.RunAsync(null, new System.Collections.Hashtable(), args);

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("late.csv, row 2501, column 'Description': a cell of 20,000 characters");
    }

    [Fact]
    public async Task Fail_on_warning_counts_warnings()
    {
        using var folder = new TempFolder("bom");
        var file = folder.File("dual.csv");
        await File.WriteAllTextAsync(file, "Designator,Manufacturer,MPN\nU1,TI,LM358DR\n,ST,LM358DT\nU2,,NE555\n,ON Semi,NE555DR\n,TI,NE555P\n");

        (await Audit(file)).ExitCode.ShouldBe(0);
        var strict = await Audit(file, "--fail-on", "warning");
        strict.ExitCode.ShouldBe(1);
        strict.Out.ShouldContain("missing-manufacturer");
    }

    [Fact]
    public async Task Json_output_is_the_contract_and_works_without_any_database()
    {
        using var cwd = new TempFolder("no-db");
        var run = await CliRun.RunAsync(null, new Hashtable { ["SECONDSOURCE_DATA"] = cwd.File("data") }, "bom", "audit", Samples.RealBom("tillitis_tk1_bom.csv"), "--output", "json", "--fail-on", "never");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("source").GetProperty("headerRow").GetInt32().ShouldBe(6);
        json.RootElement.GetProperty("summary").GetProperty("findings").GetProperty("generic-part").GetInt32().ShouldBe(7);
        Directory.Exists(cwd.File("data")).ShouldBeFalse("the audit of a file touches no database");
    }

    [Fact]
    public async Task The_gbk_file_is_read_with_its_encoding_guessed_and_said_or_named()
    {
        var guessed = await Audit(Samples.RealBom("beaglev-fire_BeagleV-Fire_BOM_GBK.csv"), "--output", "json", "--fail-on", "never");
        var named = await Audit(Samples.RealBom("beaglev-fire_BeagleV-Fire_BOM_GBK.csv"), "--encoding", "gbk", "--output", "json", "--fail-on", "never");

        guessed.ExitCode.ShouldBe(0, guessed.Error);
        var diagnostics = JsonDocument.Parse(guessed.Out).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()).ToList();
        diagnostics.ShouldContain(m => m!.Contains("the file is not valid UTF-8 (the bytes at offset 1700", StringComparison.Ordinal) && m.Contains("read as gb18030", StringComparison.Ordinal));
        named.ExitCode.ShouldBe(0);
        JsonDocument.Parse(named.Out).RootElement.GetProperty("summary").GetProperty("lines").GetInt32().ShouldBe(115);
        JsonDocument.Parse(guessed.Out).RootElement.GetProperty("summary").GetProperty("lines").GetInt32().ShouldBe(115);
    }

    [Theory]
    [InlineData("beaglebone-ai_BeagleBone-AI_bom.csv", 107)]
    [InlineData("glasgow_revC3_bom.csv", 57)]
    [InlineData("pocketbeagle_PocketBeagle_BOM.csv", 20)]
    [InlineData("tillitis_tk1_bom.csv", 20)]
    [InlineData("timecard_TimeCardV9_BOM_8-28-2023.xlsx", 96)]
    [InlineData("timecard_V0_BOM_digikey.csv", 47)]
    [InlineData("ipc2581_testcase10-RevC-BOM.xml", 7)]
    [InlineData("ipc2581C_kicad9_DM0002.xml", 31)]
    public async Task Every_real_sample_is_audited(string sample, int lines)
    {
        var run = await Audit(Samples.RealBom(sample), "--output", "json", "--fail-on", "never");

        run.ExitCode.ShouldBe(0, run.Error);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("summary").GetProperty("lines").GetInt32().ShouldBe(lines);
    }

    [Fact]
    public async Task Sarif_junit_and_markdown_are_written_to_stdout()
    {
        var sarif = await Audit(Samples.RealBom("glasgow_revC3_bom.csv"), "--output", "sarif", "--sarif-root", AppContext.BaseDirectory);
        var outside = await Audit(Samples.RealBom("glasgow_revC3_bom.csv"), "--output", "sarif", "--sarif-root", Path.Combine(AppContext.BaseDirectory, "Samples", "bom-corpus"));
        var junit = await Audit(Samples.RealBom("glasgow_revC3_bom.csv"), "--output", "junit");
        var markdown = await Audit(Samples.RealBom("glasgow_revC3_bom.csv"), "--output", "markdown");

        using var log = JsonDocument.Parse(sarif.Out);
        log.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = log.RootElement.GetProperty("runs")[0];
        var artifact = run.GetProperty("artifacts")[0].GetProperty("location");
        artifact.GetProperty("uri").GetString().ShouldBe("Samples/real-boms/glasgow_revC3_bom.csv", "relative to --sarif-root, never the absolute path");
        artifact.GetProperty("uriBaseId").GetString().ShouldBe("SRCROOT");
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        location.GetProperty("uri").GetString().ShouldBe("Samples/real-boms/glasgow_revC3_bom.csv");
        location.GetProperty("uriBaseId").GetString().ShouldBe("SRCROOT");
        sarif.Out.ShouldNotContain(AppContext.BaseDirectory.TrimEnd('/'));
        outside.ExitCode.ShouldBe(2);
        outside.Error.ShouldContain("is outside --sarif-root");
        XDocument.Parse(junit.Out).Root!.Name.LocalName.ShouldBe("testsuites");
        markdown.Out.ShouldStartWith("## BOM audit: `glasgow_revC3_bom.csv`");
        new[] { sarif.ExitCode, junit.ExitCode, markdown.ExitCode }.ShouldAllBe(c => c == 1);
    }

    [Fact]
    public async Task Map_policy_and_aliases_change_what_is_read_and_decided()
    {
        using var folder = new TempFolder("bom");
        var file = folder.File("odd.csv");
        await File.WriteAllTextAsync(file, "Pos,Brand,Code\nU1,Acme Semi,AC1\nL1,Acme Semiconductor,AC2\n");
        var policy = folder.File("policy.txt");
        await File.WriteAllTextAsync(policy, "also-non-critical = U\n");
        var aliases = folder.File("aliases.txt");
        await File.WriteAllTextAsync(aliases, "Acme Semi = Acme Semiconductor\n");

        var run = await Audit(file, "--map", "refdes=Pos", "--map", "mpn=Code", "--map", "manufacturer=Brand", "--policy", policy, "--aliases", aliases, "--output", "json");

        run.ExitCode.ShouldBe(1, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var lines = json.RootElement.GetProperty("lines");
        lines[0].GetProperty("critical").GetBoolean().ShouldBeFalse();
        lines[1].GetProperty("critical").GetBoolean().ShouldBeTrue();
        lines[0].GetProperty("sources")[0].GetProperty("manufacturerKey").GetString().ShouldBe(lines[1].GetProperty("sources")[0].GetProperty("manufacturerKey").GetString());
    }

    [Theory]
    [InlineData(new[] { "/no/such/bom.csv" }, "secondsource: bom.csv: there is no such file (/no/such/bom.csv).")]
    [InlineData(new[] { "BOM", "--map", "nonsense" }, "secondsource: --map 'nonsense': write field=Column")]
    [InlineData(new[] { "BOM", "--policy", "/no/policy.txt" }, "secondsource: --policy /no/policy.txt: there is no such file.")]
    [InlineData(new[] { "BOM", "--output", "pdf" }, "Argument 'pdf' not recognized. Must be one of:")]
    public async Task Bad_input_exits_2_with_the_place_and_the_cause(string[] args, string message)
    {
        var resolved = args.Select(a => a == "BOM" ? Samples.RealBom("pocketbeagle_PocketBeagle_BOM.csv") : a).ToArray();

        var run = await Audit(resolved);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
    }
}
