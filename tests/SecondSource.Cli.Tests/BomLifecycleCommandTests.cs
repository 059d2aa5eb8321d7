using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary><c>bom release</c>, <c>bom delete</c> and <c>bom diff</c>, on a demo database and on two revisions of a real board.</summary>
public sealed class BomLifecycleCommandTests
{
    private static string Corpus(string name) => Path.Combine(TestPaths.RepositoryRoot(), "tests", "SecondSource.Testing", "Samples", "bom-corpus", name);

    [Fact]
    public async Task An_import_is_a_draft_until_released_a_draft_can_be_deleted_and_a_release_cannot()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);
        var file = Samples.RealBom("glasgow_revC3_bom.csv");

        var imported = await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", file, "--label", "Rev C3");
        imported.ExitCode.ShouldBe(0, imported.Error);
        imported.Out.ShouldContain("a draft (release it with: secondsource bom release AUR-VSM200 \"Rev C3\" --note ...)");
        (await CliRun.OnAsync(database, null, "bom", "revisions", "AUR-VSM200")).Out.ShouldMatch(@"Rev C3\s+draft");

        var noNote = await CliRun.OnAsync(database, null, "bom", "release", "AUR-VSM200", "Rev C3");
        noNote.ExitCode.ShouldBe(2);
        var releasedB = await CliRun.OnAsync(database, null, "bom", "delete", "AUR-VSM200", "Rev B");
        releasedB.ExitCode.ShouldBe(2);
        releasedB.Error.ShouldContain("superseded by releasing a later one");

        var release = await CliRun.OnAsync(database, null, "bom", "release", "AUR-VSM200", "Rev C3", "--note", "ECO-12: C3 for both lines", "--json");
        release.ExitCode.ShouldBe(0, release.Error);
        using (var json = JsonDocument.Parse(release.Out))
        {
            json.RootElement.GetProperty("label").GetString().ShouldBe("Rev C3");
            json.RootElement.GetProperty("vaultRevisionNumber").GetInt32().ShouldBeGreaterThan(1);
        }

        var list = (await CliRun.OnAsync(database, null, "bom", "revisions", "AUR-VSM200")).Out;
        list.ShouldMatch(@"Rev C3\s+current");
        list.ShouldMatch(@"Rev B\s+superseded");
        (await CliRun.OnAsync(database, null, "bom", "release", "AUR-VSM200", "Rev C3", "--note", "again")).Error.ShouldContain("already released");

        // A draft goes away with delete; an import with --release is released at once.
        var trial = Path.Combine(database.Folder.Path, "trial.csv");
        await File.WriteAllTextAsync(trial, (await File.ReadAllTextAsync(file)) + "\n");
        (await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", trial, "--label", "Trial")).ExitCode.ShouldBe(0);
        var deleted = await CliRun.OnAsync(database, null, "bom", "delete", "AUR-VSM200", "Trial");
        deleted.ExitCode.ShouldBe(0, deleted.Error);
        deleted.Out.ShouldContain("Deleted the draft 'Trial'");
        (await CliRun.OnAsync(database, null, "bom", "revisions", "AUR-VSM200")).Out.ShouldNotContain("Trial");
        var direct = await CliRun.OnAsync(database, null, "bom", "import", "AUR-VSM200", trial, "--label", "Rev C4", "--release", "ECO-13");
        direct.ExitCode.ShouldBe(0, direct.Error);
        direct.Out.ShouldContain("released.");

        var stored = await CliRun.OnAsync(database, null, "bom", "diff", "Rev C3", "Rev C4", "--product", "AUR-VSM200", "--output", "json");
        stored.ExitCode.ShouldBe(0, stored.Error);
        using var same = JsonDocument.Parse(stored.Out);
        same.RootElement.GetProperty("summary").GetProperty("changed").GetInt32().ShouldBe(0, "the same lines, one newline apart");
        same.RootElement.GetProperty("summary").GetProperty("added").GetInt32().ShouldBe(0);
    }

    /// <summary>
    /// Glasgow revC1 → revC2 (github.com/GlasgowEmbedded/glasgow @ 8bec710dbdbf, 0BSD OR Apache-2.0; the corpus README).
    /// The expectations were checked by hand against the two files: 65 and 70 lines; the 1k part (R10 R41 R42) is gone and
    /// its designators joined the 2k2 line; the 8-wide 0602 resistor arrays gave way to 4-wide 0402 ones (different parts,
    /// so removed and added, not changed); the 12n capacitors C44 C58 became 100n; MG2040 and ATECC508A were dropped; ESD,
    /// Schottky and TVS diodes and a reset switch were added.
    /// </summary>
    [Fact]
    public async Task Two_revisions_of_a_real_board_give_the_lines_added_removed_and_changed()
    {
        var run = await CliRun.RunAsync(null, new System.Collections.Hashtable(), "bom", "diff", Corpus("GlasgowEmbedded__glasgow__hardware_boards_glasgow_revC1_bom.csv"),
            Corpus("GlasgowEmbedded__glasgow__hardware_boards_glasgow_revC2_bom.csv"), "--output", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var summary = json.RootElement.GetProperty("summary");
        (summary.GetProperty("linesBefore").GetInt32(), summary.GetProperty("linesAfter").GetInt32()).ShouldBe((65, 70));
        (summary.GetProperty("added").GetInt32(), summary.GetProperty("removed").GetInt32(), summary.GetProperty("changed").GetInt32(), summary.GetProperty("unchanged").GetInt32())
            .ShouldBe((11, 6, 38, 21));
        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("line").GetString()!, c => (Kind: c.GetProperty("kind").GetString()!, What: c.GetProperty("changes").EnumerateArray().Select(x => x.GetString()!).ToList()));

        changes.Where(c => c.Value.Kind == "removed").Select(c => c.Key).Order(StringComparer.Ordinal)
            .ShouldBe(["C44, C58", "R10, R41, R42", "RN1, RN3, RN4, RN5", "RN2, RN6", "U33, U35", "U34"]);
        changes.Where(c => c.Value.Kind == "added").Select(c => c.Key).Order(StringComparer.Ordinal).ShouldBe(
            ["C90, C91", "D16, D17", "D18, D19", "D20, D21, D22, D23", "D24", "R24, R25, R30, R54, R59, R60", "R52, R53", "R7, R56", "RN1, RN2, RN3, RN4, RN7, RN8, RN9, RN10", "RN5, RN6, RN11, RN12", "SW1"]);
        changes["R1, R2, R10, R15, R41, R42, R57, R58"].What.ShouldBe(["quantity 3 → 8", "designators added R10, R41, R42, R57, R58"]);
        changes["R16, R18, R19, R20, R22, R26, R36, R37, R44, R55"].What.ShouldBe(["quantity 13 → 10", "designators added R55", "designators removed R6, R24, R25, R30"]);
        changes["R6, R8, R50, R51"].What.ShouldContain("designators added R6, R8");
        changes["Y1"].What.ShouldContain("sources added: JWT JF4024M00009T8188070");
        changes["Y1"].What.ShouldContain("sources removed: IQD LFXTAL058124REEL");
        changes["U30"].What.ShouldBe(["sources added: Lattice Semiconductor Corporation ICE40HX8K-BG121"]);
        changes["J1"].What.ShouldContain("sources removed: Molex 47346-0001");
        changes.ShouldNotContainKey("U1", "CY7C68013A is on both revisions, unchanged");

        var table = await CliRun.RunAsync(null, new System.Collections.Hashtable(), "bom", "diff", Corpus("GlasgowEmbedded__glasgow__hardware_boards_glasgow_revC1_bom.csv"),
            Corpus("GlasgowEmbedded__glasgow__hardware_boards_glasgow_revC2_bom.csv"));
        table.Out.ShouldStartWith("GlasgowEmbedded__glasgow__hardware_boards_glasgow_revC1_bom.csv → GlasgowEmbedded__glasgow__hardware_boards_glasgow_revC2_bom.csv: 11 added, 6 removed, 38 changed, 21 unchanged.");

        var missing = await CliRun.RunAsync(null, new System.Collections.Hashtable(), "bom", "diff", "no-such.csv", Corpus("GlasgowEmbedded__glasgow__hardware_boards_glasgow_revC2_bom.csv"));
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("no-such.csv");
    }
}
