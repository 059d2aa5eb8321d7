using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

public sealed class LineCommandsTests
{
    [Fact]
    public async Task Lines_and_programs_are_listed_and_shown_as_text_and_json()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);

        var lines = await CliRun.OnAsync(database, null, "lines", "list", "--json");
        var line = await CliRun.OnAsync(database, null, "lines", "show", "smt line 1");
        var programs = await CliRun.OnAsync(database, null, "programs", "list");
        var program = await CliRun.OnAsync(database, null, "programs", "show", "VSM-200 second source", "--json");

        JsonDocument.Parse(lines.Out).RootElement.GetProperty("items").GetArrayLength().ShouldBe(4);
        line.Out.ShouldContain("SMT line 1 — Vistula EMS Sp. z o.o. (Gdańsk), Oliwa plant (PL, zone EU)");
        line.Out.ShouldContain("largest board 400 x 300 mm");
        programs.Out.ShouldContain("VSM-200 second source");
        using var json = JsonDocument.Parse(program.Out);
        json.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("stage").GetString()).ShouldBe(["Production", "Pilot", "Candidate", "Candidate"]);
    }

    [Fact]
    public async Task An_unknown_line_or_program_exits_2_with_where_to_look()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var line = await CliRun.OnAsync(database, null, "lines", "show", "nothing");
        var program = await CliRun.OnAsync(database, null, "programs", "show", Guid.NewGuid().ToString());

        line.ExitCode.ShouldBe(2);
        line.Error.ShouldContain("'secondsource lines list' shows them");
        program.ExitCode.ShouldBe(2);
    }
}
