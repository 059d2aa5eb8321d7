using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>secondsource health on the demo: the scorecard, exit 1 on a pitfall, the threshold, a missing program.</summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task The_scorecard_fails_on_a_pitfall_unless_told_otherwise()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        (await CliRun.OnAsync(database, null, "demo", "seed")).ExitCode.ShouldBe(0);

        var run = await CliRun.OnAsync(database, null, "health", "--program", "AUR-VSM200", "--json");
        run.ExitCode.ShouldBe(1, run.Error);
        using (var json = JsonDocument.Parse(run.Out))
        {
            var card = json.RootElement.GetProperty("items").EnumerateArray().Single();
            card.GetProperty("overall").GetString().ShouldBe("Problem");
            card.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ShouldContain("keys");
        }

        var table = await CliRun.OnAsync(database, null, "health", "--fail-on", "never");
        table.ExitCode.ShouldBe(0);
        table.Out.ShouldContain("Test fixtures replicated, not only documented");
        (await CliRun.OnAsync(database, null, "health", "--fail-on", "sometimes")).ExitCode.ShouldBe(2);
        (await CliRun.OnAsync(database, null, "health", "--program", "NOPE")).Error.ShouldContain("No program matches 'NOPE' (--program)");
    }
}
