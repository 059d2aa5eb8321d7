using System.Collections;
using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>
/// The reading made visible and correctable from the command line: <c>--explain</c>, <c>--map</c> by column number and
/// <c>ignore</c>, and confirming a maker (an aliases file for file audits, the library for stored revisions).
/// </summary>
public sealed class BomReadingCommandTests
{
    private const string TwoMakers = "Designator,Manufacturer 1,MPN 1,Manufacturer 2,MPN 2\nU1,TI,TLV75533PDBVR,Zhejiang Lanke Electronics,LK7533-33\nR1,YAGEO,RC0603FR-0710KL,,\n";

    private static Task<CliRun> Run(params string[] args) => CliRun.RunAsync(null, new Hashtable(), args);

    [Fact]
    public async Task Explain_shows_each_columns_role_evidence_and_samples_the_rows_and_the_unverified_makers()
    {
        using var folder = new TempFolder("explain");
        var file = folder.File("two.csv");
        await File.WriteAllTextAsync(file, TwoMakers + "\nTotal,,,,\n");

        var table = await Run("bom", "audit", file, "--explain", "--fail-on", "never");
        var json = await Run("bom", "audit", file, "--explain", "--output", "json", "--fail-on", "never");

        table.ExitCode.ShouldBe(0, table.Error);
        table.Out.ShouldContain("two.csv was read: csv, utf-8, delimiter ',', header row 1");
        table.Out.ShouldContain("    1  Designator");
        table.Out.ShouldContain("header 'Manufacturer 2' (source number 2)");
        table.Out.ShouldContain("e.g. TLV75533PDBVR | RC0603FR-0710KL");
        table.Out.ShouldContain("rows read 5: 2 lines, 1 header, 1 blank, 1 summary/footer.");
        table.Out.ShouldContain("  row 5: summary");
        table.Out.ShouldContain("Makers: 2 recognised; 1 nobody has confirmed (they count towards no second source):");
        table.Out.ShouldContain("  Zhejiang Lanke Electronics (row 2)");

        json.ExitCode.ShouldBe(0, json.Error);
        JsonDocument.Parse(json.Out).RootElement.GetProperty("summary").GetProperty("lines").GetInt32().ShouldBe(2, "stdout stays the JSON contract");
        json.Error.ShouldContain("two.csv was read");
    }

    [Fact]
    public async Task A_headerless_file_is_mapped_by_column_number_and_a_column_can_be_ignored()
    {
        using var folder = new TempFolder("map");
        var file = folder.File("order.csv");
        // A purchase list without a header: quantity, a code the reader would take for part numbers, the MPN, a maker.
        await File.WriteAllTextAsync(file, "2,INT-0001,GRM188R71H104KA93D,Murata\n4,INT-0002,RC0603FR-0710KL,YAGEO\n1,INT-0003,TLV75533PDBVR,Texas Instruments\n");

        var mapped = await Run("bom", "audit", file, "--map", "quantity=#1", "--map", "ignore=#2", "--map", "mpn=#3", "--map", "manufacturer=#4", "--output", "json", "--fail-on", "never");
        var wrong = await Run("bom", "audit", file, "--map", "mpn=#9");
        var unknown = await Run("bom", "audit", file, "--map", "brand=#4");

        mapped.ExitCode.ShouldBe(0, mapped.Error);
        var root = JsonDocument.Parse(mapped.Out).RootElement;
        var roles = root.GetProperty("source").GetProperty("columnRoles").EnumerateArray().ToList();
        roles[1].GetProperty("field").GetString().ShouldBe("ignore");
        roles[1].GetProperty("decidedBy").GetString().ShouldBe("--map");
        roles[2].GetProperty("samples").EnumerateArray().Select(v => v.GetString()).ShouldContain("GRM188R71H104KA93D");
        var sources = root.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sources")[0].GetProperty("mpn").GetString()).ToList();
        sources.ShouldBe(["GRM188R71H104KA93D", "RC0603FR-0710KL", "TLV75533PDBVR"]);
        wrong.ExitCode.ShouldBe(2);
        wrong.Error.ShouldContain("--map mpn=#9: there is no such column");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("'brand' is not a field");
    }

    [Fact]
    public async Task An_unverified_maker_confirmed_in_an_aliases_file_counts_in_the_next_audit()
    {
        using var folder = new TempFolder("aliases");
        var bom = folder.File("two.csv");
        var aliases = folder.File("aliases.txt");
        await File.WriteAllTextAsync(bom, TwoMakers);

        var before = await Run("bom", "audit", bom, "--output", "json", "--fail-on", "never");
        var distributor = await Run("bom", "aliases", "add", "Digi-Key", "--file", aliases);
        var contradicting = await Run("bom", "aliases", "add", "Maxim", "--same-as", "TI", "--file", aliases);
        var added = await Run("bom", "aliases", "add", "Zhejiang Lanke Electronics", "--file", aliases);
        var again = await Run("bom", "aliases", "add", "ZHEJIANG LANKE ELECTRONICS CO., LTD.", "--file", aliases);
        var alias = await Run("bom", "aliases", "add", "Lanke", "--same-as", "Zhejiang Lanke Electronics", "--file", aliases);
        var after = await Run("bom", "audit", bom, "--aliases", aliases, "--output", "json", "--fail-on", "never");

        static int Makers(CliRun run) => JsonDocument.Parse(run.Out).RootElement.GetProperty("lines")[0].GetProperty("sources").EnumerateArray().Count(s => s.GetProperty("recognised").GetBoolean());
        Makers(before).ShouldBe(1);
        distributor.ExitCode.ShouldBe(2);
        distributor.Error.ShouldContain("it names Digi-Key, a distributor");
        contradicting.ExitCode.ShouldNotBe(0);
        contradicting.Error.ShouldContain("'Maxim' is already Analog Devices (in the catalogue)");
        added.ExitCode.ShouldBe(0, added.Error);
        added.Out.ShouldBe($"Added to {aliases}: Zhejiang Lanke Electronics = Zhejiang Lanke Electronics\n", StringCompareShould.IgnoreLineEndings);
        again.Out.ShouldContain("is already recognised as Zhejiang Lanke Electronics");
        alias.Out.ShouldContain("Lanke = Zhejiang Lanke Electronics");
        (await File.ReadAllLinesAsync(aliases)).Where(l => !l.StartsWith('#')).ShouldBe(["Zhejiang Lanke Electronics = Zhejiang Lanke Electronics", "Lanke = Zhejiang Lanke Electronics"]);
        Makers(after).ShouldBe(2);
    }

    [Fact]
    public async Task A_maker_confirmed_in_the_library_counts_in_the_stored_revisions_audit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var bom = Path.Combine(database.Folder.Path, "two.csv");
        await File.WriteAllTextAsync(bom, TwoMakers.Replace("TLV75533PDBVR", "TPS7A2033PDBVR", StringComparison.Ordinal));
        (await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", bom, "--label", "Rev L")).ExitCode.ShouldBe(0);

        var before = await CliRun.OnAsync(database, null, "bom", "audit", "--product", "AUR-VSM200", "--revision", "Rev L", "--fail-on", "never");
        var adopted = await CliRun.OnAsync(database, null, "avl", "adopt", "--product", "AUR-VSM200", "--revision", "Rev L");
        var refused = await CliRun.OnAsync(database, null, "avl", "manufacturer", "confirm", "LCSC");
        var confirmed = await CliRun.OnAsync(database, null, "avl", "manufacturer", "confirm", "Zhejiang Lanke Electronics");
        var after = await CliRun.OnAsync(database, null, "bom", "audit", "--product", "AUR-VSM200", "--revision", "Rev L", "--output", "json", "--fail-on", "never");

        before.Out.ShouldContain("Zhejiang Lanke Electronics (row 2)");
        before.Out.ShouldContain("secondsource avl manufacturer confirm");
        adopted.Out.ShouldContain("Not adopted, because no catalogue or library names them as makers (1): Zhejiang Lanke Electronics.");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("a distributor is never a source");
        confirmed.ExitCode.ShouldBe(0, confirmed.Error);
        confirmed.Out.ShouldContain("'Zhejiang Lanke Electronics' is now a manufacturer of the library.");
        JsonDocument.Parse(after.Out).RootElement.GetProperty("lines")[0].GetProperty("sources").EnumerateArray().Count(s => s.GetProperty("recognised").GetBoolean()).ShouldBe(2);
    }
}
