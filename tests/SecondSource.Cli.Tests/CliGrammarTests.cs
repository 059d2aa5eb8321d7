using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>The demo database the grammar tests share: seeded once, read by every case.</summary>
public sealed class DemoCliDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var seeded = await CliRun.OnAsync(Database, null, "demo", "seed");
        seeded.ExitCode.ShouldBe(0, seeded.Error);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>
/// One grammar for the whole CLI (issue 21, docs/cli.md): for every command family, its help (with examples), a real
/// use, and the mistakes users make — a date in a local form, a name that matches nothing or too much, a typo, a
/// number with a decimal comma, a missing database — each with its message (in domain words, never a .NET type)
/// and the exit code the README documents.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliGrammarTests(DemoCliDatabase demo) : IClassFixture<DemoCliDatabase>
{
    private Task<CliRun> Run(params string[] args) => CliRun.OnAsync(demo.Database, null, args);

    private static void NoDotNetTypes(CliRun run) => (run.Out + run.Error).ShouldNotContain("System.", Case.Sensitive, "errors speak the domain's words");

    public static TheoryData<string> Commands() => [.. CliExamples.Leaves(CliApp.BuildRoot(new CliContext(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, true), new Hashtable())), "").Select(l => l.Path)];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_usage_and_examples(string command)
    {
        var run = await CliRun.RunAsync(null, new Hashtable(), [.. command.Split(' '), "--help"]);

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain($"secondsource {command}");
        run.Out.ShouldContain("Examples:");
        CliExamples.ByCommand[command].ShouldAllBe(e => e.StartsWith($"secondsource {command}", StringComparison.Ordinal) || e.Contains($"| secondsource {command}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("db", new[] { "db", "info" }, new[] { "db", "backup" }, "Required argument 'file' missing for command: 'backup'.")]
    [InlineData("user", new[] { "user", "list", "--json" }, new[] { "user", "disable", "nobody@example.com" }, "There is no user with the e-mail nobody@example.com")]
    [InlineData("party", new[] { "party", "list", "--json" }, new[] { "party", "add-manufacturer" }, "Required argument 'name' missing for command: 'add-manufacturer'.")]
    [InlineData("apikey", new[] { "apikey", "list", "--json" }, new[] { "apikey", "create", "--party", "Nowhere Inc", "--name", "x" }, "No organisation matches 'Nowhere Inc' (--party)")]
    [InlineData("bom", new[] { "bom", "revisions", "vsm200", "--json" }, new[] { "bom", "export", "AUR-VSM200", "Rev B", "--line", "Vistula", "--out", "x.csv", "--format", "xlsx" }, "--format xlsx contradicts --out x.csv")]
    [InlineData("bom export", new[] { "bom", "revisions", "VSM-200" }, new[] { "bom", "export", "AUR-VSM200", "Rev B", "--line", "Vistula", "--out", "x.txt" }, "the format cannot be told from '.txt'")]
    [InlineData("avl", new[] { "bom", "revisions", "AUR-VSM200" }, new[] { "avl", "adopt", "--product", "AUR-VSM20O", "--revision", "Rev B" }, "No product matches 'AUR-VSM20O' (product). Did you mean 'AUR-VSM200'?")]
    [InlineData("vault", new[] { "vault", "list", "vsm-200" }, new[] { "vault", "grant", "AUR-VSM200", "Assembly drawing", "--line", "Vistula", "--until", "31/12/2026" }, "--until '31/12/2026' is not a day; write it as yyyy-MM-dd")]
    [InlineData("vault kind", new[] { "vault", "grants", "AUR-VSM200", "--json" }, new[] { "vault", "grant", "AUR-VSM200", "ing", "--line", "Vistula", "--until", "2027-01-31" }, "'ing' (kind) matches 4 checklist items")]
    [InlineData("audit", new[] { "audit", "verify", "--json" }, new[] { "audit", "verify", "everything" }, "Unrecognized command or argument 'everything'.")]
    [InlineData("testdata", new[] { "testdata", "batches", "VSM-200", "--json" }, new[] { "testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", "X-1", "--quantity", "5", "--start", "01.12.2026" }, "--start '01.12.2026' is not a date or time; write it as yyyy-MM-dd")]
    [InlineData("testdata unit", new[] { "testdata", "pilot", "AUR-VSM200", "--line", "Vistula", "--json" }, new[] { "testdata", "unit", "NOPE-000" }, "There is no unit with serial number 'NOPE-000'")]
    [InlineData("lines", new[] { "lines", "show", "Vistula", "--json" }, new[] { "lines", "show", "SMT" }, "'SMT' (line) matches")]
    [InlineData("programs", new[] { "programs", "show", "AUR-VSM200" }, new[] { "programs", "show", "Nope" }, "No program matches 'Nope' (program)")]
    [InlineData("plan", new[] { "plan", "check", "VSM200", "--json" }, new[] { "plan", "optimise", "AUR-VSM200", "--gap", "0,5" }, "--gap '0,5' is not a number from 0 to 1 (write decimals with a point")]
    [InlineData("stress", new[] { "stress", "VSM-200", "--scenarios", "100", "--json" }, new[] { "stress", "AUR-VSM200", "--scenarios", "5" }, "--scenarios '5' is not a whole number from 100 to 1000000.")]
    [InlineData("keys", new[] { "keys", "list", "--json" }, new[] { "keys", "create", "--name", "k", "--purpose", "banana" }, "banana")]
    [InlineData("firmware", new[] { "firmware", "list", "--json" }, new[] { "firmware", "release", "--product", "AUR-VSM200", "--version", "9.9.9", "--revision", "latest" }, "--revision 'latest' is not a whole number")]
    [InlineData("certs", new[] { "keys", "list" }, new[] { "certs", "allocate", "--batch", "NO-SUCH-BATCH", "--first", "1", "--last", "5" }, "No batch matches 'NO-SUCH-BATCH' (--batch)")]
    [InlineData("health", new[] { "health", "--program", "VSM-200", "--fail-on", "never", "--json" }, new[] { "health", "--fail-on", "sometimes" }, "--fail-on 'sometimes' is not problem, attention or never.")]
    [InlineData("review", new[] { "review", "list", "--json" }, new[] { "review", "generate", "--program", "AUR-VSM200", "--quarter", "2026/4" }, "--quarter '2026/4' is not a quarter; write it as yyyyQn")]
    [InlineData("completion", new[] { "completion", "bash" }, new[] { "completion", "tcsh" }, "Argument 'tcsh' not recognized.")]
    [InlineData("demo", new[] { "party", "list" }, new[] { "demo", "seed" }, "the demo loads only into an empty database")]
    [InlineData("typo", new[] { "programs", "list" }, new[] { "sttress", "AUR-VSM200" }, "Did you mean 'stress'?")]
    public async Task A_family_runs_for_real_and_refuses_a_mistake_with_its_reason_and_exit_2(string family, string[] use, string[] mistake, string message)
    {
        var ran = await Run(use);
        var refused = await Run(mistake);

        ran.ExitCode.ShouldBeOneOf([0, 1], $"{family}: {ran.Error}");
        if (use.Contains("--json"))
        {
            using var json = JsonDocument.Parse(ran.Out);
            json.RootElement.GetProperty("schemaVersion").GetInt32().ShouldBe(1, family);
        }

        refused.ExitCode.ShouldBe(2, $"{family}: {refused.Error}");
        refused.Error.ShouldContain(message, Case.Sensitive, family);
        refused.Error.ShouldStartWith("secondsource: ", Case.Sensitive, family);
        NoDotNetTypes(refused);
    }

    [Fact]
    public async Task A_refused_date_stores_nothing()
    {
        await Run("testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", "LOCAL-DATE", "--quantity", "5", "--start", "01.12.2026");
        var iso = await Run("testdata", "batch", "add", "--product", "AUR-VSM200", "--line", "Vistula", "--name", "ISO-DATE", "--quantity", "5", "--start", "2026-12-01T06:30+01:00");

        iso.ExitCode.ShouldBe(0, iso.Error);
        var batches = await Run("testdata", "batches", "AUR-VSM200", "--json");
        using var json = JsonDocument.Parse(batches.Out);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotContain(b => b.GetProperty("name").GetString() == "LOCAL-DATE");
        items.Single(b => b.GetProperty("name").GetString() == "ISO-DATE").GetProperty("startedAt").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(2026, 12, 1, 5, 30, 0, TimeSpan.Zero), "the offset is honoured and stored in UTC");
    }

    [Fact]
    public async Task Numbers_read_the_same_in_every_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var point = await Run("stress", "AUR-VSM200", "--scenarios", "100", "--json");
            var grouped = await Run("stress", "AUR-VSM200", "--scenarios", "1.000");

            point.ExitCode.ShouldBe(0, point.Error);
            grouped.ExitCode.ShouldBe(2);
            grouped.Error.ShouldContain("--scenarios '1.000' is not a whole number");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task Ids_are_plain_strings_and_quarters_have_one_spelling_in_json()
    {
        using var parties = JsonDocument.Parse((await Run("party", "list", "--json")).Out);
        using var keys = JsonDocument.Parse((await Run("apikey", "list", "--json")).Out);
        using var plan = JsonDocument.Parse((await Run("plan", "check", "AUR-VSM200", "--json")).Out);
        using var reviews = JsonDocument.Parse((await Run("review", "list", "--json")).Out);

        parties.RootElement.GetProperty("items")[0].GetProperty("id").ValueKind.ShouldBe(JsonValueKind.String);
        Guid.TryParse(parties.RootElement.GetProperty("items")[0].GetProperty("id").GetString(), out _).ShouldBeTrue();
        keys.RootElement.GetProperty("items").EnumerateArray().ShouldAllBe(k => k.GetProperty("id").ValueKind == JsonValueKind.String);
        plan.RootElement.GetProperty("launchQuarter").GetString()!.ShouldMatch(@"^\d{4}Q[1-4]$");
        reviews.RootElement.GetProperty("items").EnumerateArray().ShouldAllBe(r => System.Text.RegularExpressions.Regex.IsMatch(r.GetProperty("quarter").GetString()!, @"^\d{4}Q[1-4]$"));
    }

    [Fact]
    public async Task One_resolver_finds_programs_products_lines_and_organisations_by_code_name_fragment_or_id()
    {
        var byCode = await Run("programs", "show", "aur-vsm200", "--json");
        var byProductName = await Run("programs", "show", "VSM-200", "--json");
        var byProgramName = await Run("stress", "VSM-200 second source", "--scenarios", "100", "--json");
        using var json = JsonDocument.Parse(byCode.Out);
        var id = json.RootElement.GetProperty("id").GetString()!;
        var byId = await Run("review", "generate", "--program", id, "--quarter", "2026-Q3");
        var party = await Run("apikey", "create", "--party", "vistula", "--name", "resolver test", "--json");
        var line = await Run("vault", "grant", "AUR-VSM200", "bom and avl", "--line", "vistula", "--until", "2027-03-31");

        new[] { byCode, byProductName, byProgramName, party, line }.ShouldAllBe(r => r.ExitCode == 0);
        byProductName.Out.ShouldBe(byCode.Out);
        byId.ExitCode.ShouldBeOneOf([0, 1], byId.Error);
        byId.Out.ShouldContain("2026Q3");
    }

    [Fact]
    public async Task An_option_that_had_no_effect_is_warned_about()
    {
        var run = await CliRun.OnAsync(demo.Database, "a-good-long-password\n", "user", "add", "second.viewer@aurora-medical.example", "--role", "Viewer", "--organization", "Someone Else", "--password-stdin");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("warning: --organization had no effect: the buyer 'Aurora Medical");
    }

    [Fact]
    public async Task A_missing_database_is_an_input_error_with_the_fix()
    {
        var run = await CliRun.RunAsync(null, new Hashtable(), "party", "list", "--data", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "data"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("There is no database at");
        run.Error.ShouldContain("secondsource db migrate --data DIR");
        NoDotNetTypes(run);
    }

    [Fact]
    public async Task Tables_fit_the_terminal_and_are_whole_in_a_pipe()
    {
        using var narrowOut = new StringWriter();
        var code = await CliApp.RunAsync(["programs", "list", .. Where()], new CliConsole(TextReader.Null, narrowOut, TextWriter.Null, true, Width: 80), new Hashtable());
        var piped = await Run("programs", "list");

        code.ShouldBe(0);
        narrowOut.ToString().Split('\n').ShouldAllBe(l => l.TrimEnd('\r').Length <= 80);
        narrowOut.ToString().ShouldContain("…");
        piped.Out.Split('\n').Max(l => l.Length).ShouldBeGreaterThan(80, "a pipe gets every cell whole");
    }

    private string[] Where() => ["--data", demo.Database.Folder.Path, "--provider", demo.Database.Provider.ToString(), "--connection", demo.Database.Settings.ConnectionString];

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task Shell_completion_completes_commands_from_the_cli_itself(string shell)
    {
        var program = $"/usr/bin/{shell}";
        if (!File.Exists(program))
        {
            Assert.Skip($"{shell} is not installed; .ci/run installs bash, zsh and fish.");
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "secondsource.dll");
        File.Exists(cli).ShouldBeTrue(cli);
        using var folder = new TempFolder("completion");
        var wrapper = Path.Combine(folder.Path, "secondsource");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec dotnet \"{cli}\" \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = Path.Combine(folder.Path, "completion." + shell);
        var generated = await CliRun.RunAsync(null, new Hashtable(), "completion", shell);
        generated.ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(script, generated.Out);

        // Each shell completes "secondsource bom im" the way it would at a prompt: bash through COMP_* and the
        // function, zsh through the function with compadd standing in for the completion widget, fish with complete -C.
        var test = shell switch
        {
            "bash" => "source '" + script + "'\n"
                + "COMP_LINE='secondsource bom im'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(secondsource bom im); COMP_CWORD=2\n"
                + "_secondsource_complete; printf '%s\\n' \"${COMPREPLY[@]}\"\n",
            "zsh" => "autoload -Uz compinit; compinit -u -d '" + Path.Combine(folder.Path, "zcompdump") + "'\n"
                + "source '" + script + "'\n"
                + "compadd() { shift; print -l -- \"${(@P)1}\"; }\n"
                + "BUFFER='secondsource bom im'; CURSOR=${#BUFFER}; _secondsource\n",
            _ => "source '" + script + "'; complete -C 'secondsource bom im'",
        };
        var info = new ProcessStartInfo(program, ["-c", test]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PATH"] = folder.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["HOME"] = folder.Path;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ShouldBe(["import"], await error);
    }
}
