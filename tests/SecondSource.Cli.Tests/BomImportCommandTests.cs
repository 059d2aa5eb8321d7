using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

public sealed class BomImportCommandTests
{
    [Fact]
    public async Task A_bom_is_imported_as_a_revision_once_and_listed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var file = Samples.RealBom("glasgow_revC3_bom.csv");

        var first = await CliRun.OnAsync(database, null, "bom", "import", "aur-vsm200", file, "--label", "Rev C3", "--json");
        var again = await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", file, "--label", "Rev C3 again");
        var list = await CliRun.OnAsync(database, null, "bom", "revisions", "AUR-VSM200");

        first.ExitCode.ShouldBe(0, first.Error);
        using var json = JsonDocument.Parse(first.Out);
        json.RootElement.GetProperty("alreadyImported").GetBoolean().ShouldBeFalse();
        var lines = json.RootElement.GetProperty("audit").GetProperty("lines").GetInt32();
        lines.ShouldBeGreaterThan(50);
        json.RootElement.GetProperty("revision").GetProperty("label").GetString().ShouldBe("Rev C3");
        again.ExitCode.ShouldBe(0);
        again.Out.ShouldContain("was already imported for AUR-VSM200 as 'Rev C3'");
        list.Out.ShouldContain("glasgow_revC3_bom.csv");
        list.Out.ShouldContain($" {lines} ");
        list.Out.ShouldNotContain("Rev C3 again");
    }

    [Fact]
    public async Task A_bad_file_or_unknown_product_exits_2_naming_the_cause_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var bad = Path.Combine(database.Folder.Path, "broken.xlsx");
        await File.WriteAllTextAsync(bad, "not a workbook");

        var broken = await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", bad, "--label", "X");
        var missing = await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", Path.Combine(database.Folder.Path, "none.csv"), "--label", "X");
        var product = await CliRun.OnAsync(database, null, "bom", "import", "NOPE-1", Samples.RealBom("glasgow_revC3_bom.csv"), "--label", "X");
        var list = await CliRun.OnAsync(database, null, "bom", "revisions", "AUR-VSM200", "--json");

        broken.ExitCode.ShouldBe(2);
        broken.Error.ShouldContain("broken.xlsx");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("there is no such file");
        product.ExitCode.ShouldBe(2);
        product.Error.ShouldContain("No product matches 'NOPE-1'");
        JsonDocument.Parse(list.Out).RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("label").GetString()).ShouldBe(["Rev B"], "only the demo's own revision");
    }

    [Fact]
    public async Task A_stored_revision_audits_against_the_library_with_the_file_modes_report_and_exit_codes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var file = Samples.RealBom("glasgow_revC3_bom.csv");
        (await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", file, "--label", "Rev C3")).ExitCode.ShouldBe(0);

        var fromFile = await CliRun.OnAsync(database, null, "bom", "audit", file, "--output", "json");
        var fromDatabase = await CliRun.OnAsync(database, null, "bom", "audit", "--product", "AUR-VSM200", "--revision", "rev c3", "--output", "json");
        var demo = await CliRun.OnAsync(database, null, "bom", "audit", "--product", "AUR-VSM200", "--revision", "Rev B", "--output", "json");
        var unknown = await CliRun.OnAsync(database, null, "bom", "audit", "--product", "AUR-VSM200", "--revision", "Rev Z");
        var both = await CliRun.OnAsync(database, null, "bom", "audit", file, "--product", "AUR-VSM200", "--revision", "Rev C3");

        // Same report and exit code (errors: critical lines not dual-sourced); the library knows none of this BOM's sources yet.
        fromDatabase.ExitCode.ShouldBe(fromFile.ExitCode, fromDatabase.Error);
        using var a = JsonDocument.Parse(fromFile.Out);
        using var b = JsonDocument.Parse(fromDatabase.Out);
        var fileSummary = a.RootElement.GetProperty("summary");
        var storedSummary = b.RootElement.GetProperty("summary");
        storedSummary.GetProperty("lines").GetInt32().ShouldBe(fileSummary.GetProperty("lines").GetInt32());
        storedSummary.GetProperty("criticalLines").GetInt32().ShouldBe(fileSummary.GetProperty("criticalLines").GetInt32());
        storedSummary.GetProperty("findings").EnumerateObject().Select(p => p.Name).ShouldBe(fileSummary.GetProperty("findings").EnumerateObject().Select(p => p.Name));
        storedSummary.GetProperty("dualSourcedCriticalLines").GetInt32().ShouldBe(0);
        storedSummary.GetProperty("findings").GetProperty("avl-mismatch").GetInt32().ShouldBeGreaterThan(0);

        // The demo's own revision is judged by its library: qualified, accepted, refused and in qualification.
        demo.ExitCode.ShouldBe(fromFile.ExitCode);
        using var c = JsonDocument.Parse(demo.Out);
        var demoFindings = c.RootElement.GetProperty("summary").GetProperty("findings");
        demoFindings.GetProperty("alternate-not-accepted").GetInt32().ShouldBe(1);
        demoFindings.GetProperty("alternate-unqualified").GetInt32().ShouldBe(1);
        demoFindings.GetProperty("avl-mismatch").GetInt32().ShouldBe(0);
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("AUR-VSM200 has no BOM revision 'Rev Z'; it has: Rev C3, Rev B.");
        both.ExitCode.ShouldBe(2);
        both.Error.ShouldContain("not both");
    }

    [Fact]
    public async Task A_stored_revision_exports_for_a_line_and_reads_back_as_a_bom()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var target = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xml");
        try
        {
            var exported = await CliRun.OnAsync(database, null, "bom", "export", "--product", "AUR-VSM200", "--revision", "Rev B", "--line", "vistula", "--out", target);
            var ambiguous = await CliRun.OnAsync(database, null, "bom", "export", "--product", "AUR-VSM200", "--revision", "Rev B", "--line", "SMT line");
            var badFormat = await CliRun.OnAsync(database, null, "bom", "export", "--product", "AUR-VSM200", "--revision", "Rev B", "--line", "vistula", "--format", "pdf");

            exported.ExitCode.ShouldBe(0, exported.Error);
            exported.Out.ShouldContain("for Vistula EMS Sp. z o.o. (Gdańsk) / SMT line 1");
            var audited = await CliRun.OnAsync(database, null, "bom", "audit", target, "--output", "json", "--fail-on", "never");
            audited.ExitCode.ShouldBe(0, audited.Error);
            using var report = JsonDocument.Parse(audited.Out);
            report.RootElement.GetProperty("summary").GetProperty("lines").GetInt32().ShouldBe(150);
            ambiguous.ExitCode.ShouldBe(2);
            ambiguous.Error.ShouldContain("matches 2 line");
            badFormat.ExitCode.ShouldBe(2);
            badFormat.Error.ShouldContain("'pdf'");
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task A_cross_reference_imports_as_proposed_alternates_and_a_second_run_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var table = Path.Combine(Path.GetTempPath(), $"xref-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(table, "Part or MPN,Alternate manufacturer,Alternate MPN,Notes\nTMP117AIDRVR,Analog Devices,MAX30208CLB+,0.1 C sensor; different package, needs footprint option\n");
        try
        {
            var first = await CliRun.OnAsync(database, null, "avl", "import-xref", table);
            var second = await CliRun.OnAsync(database, null, "avl", "import-xref", table, "--json");
            var missing = await CliRun.OnAsync(database, null, "avl", "import-xref", table + ".missing");

            first.ExitCode.ShouldBe(0, first.Error);
            first.Out.ShouldContain("1 rows, 1 alternates proposed, 0 already in the AVL");
            using var json = JsonDocument.Parse(second.Out);
            json.RootElement.GetProperty("alreadyInAvl").GetInt32().ShouldBe(1);
            missing.ExitCode.ShouldBe(2);
            missing.Error.ShouldContain("there is no such file");
        }
        finally
        {
            File.Delete(table);
        }
    }
}
