using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>
/// The README's publish command for the CLI, run as written (with its own artifacts folder, so it cannot disturb the
/// build the other tests run from): the output is compiled ahead (ReadyToRun code in the CLI, the application and EF
/// Core, which is where a command's start goes), and it runs — the demo loads and a database command answers.
/// </summary>
public sealed partial class ReadyToRunPublishTests
{
    [Fact]
    public async Task The_READMEs_publish_command_builds_a_ReadyToRun_CLI_that_runs()
    {
        var readme = await File.ReadAllTextAsync(TestPaths.InRepository("README.md"), TestContext.Current.CancellationToken);
        var line = CliPublishLine().Match(readme);
        line.Success.ShouldBeTrue("the README has no `dotnet publish src/SecondSource.Cli` line");
        var arguments = line.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        arguments.ShouldContain("-p:PublishReadyToRun=true");

        using var root = new TempFolder("r2r-publish");
        var app = Path.Combine(root.Path, "cli");
        var published = await ChildProcess.RunAsync("dotnet",
            ["publish", TestPaths.InRepository(Path.Combine("src", "SecondSource.Cli")), .. arguments, "-o", app, $"-p:ArtifactsPath={Path.Combine(root.Path, "artifacts")}/", "--nologo", "-v", "q"],
            root.Path, TimeSpan.FromMinutes(10));
        published.Code.ShouldBe(0, published.Output);

        foreach (var assembly in new[] { "secondsource.dll", "SecondSource.Application.dll", "Microsoft.EntityFrameworkCore.dll" })
        {
            IsReadyToRun(Path.Combine(app, assembly)).ShouldBeTrue($"{assembly} holds no ahead-of-time code");
        }

        var data = Path.Combine(root.Path, "data");
        var seeded = await ChildProcess.RunAsync("dotnet", [Path.Combine(app, "secondsource.dll"), "--data", data, "demo", "seed"], root.Path, TimeSpan.FromMinutes(5));
        seeded.Code.ShouldBe(0, seeded.Output);
        var parties = await ChildProcess.RunAsync("dotnet", [Path.Combine(app, "secondsource.dll"), "--data", data, "party", "list"], root.Path, TimeSpan.FromMinutes(2));
        parties.Code.ShouldBe(0, parties.Output);
        parties.Output.ShouldContain("Pearl River Electronics Manufacturing");
    }

    /// <summary>True when the PE file carries a ReadyToRun header (the CLR header's managed native header).</summary>
    private static bool IsReadyToRun(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    [GeneratedRegex("""^dotnet publish src/SecondSource\.Cli (?<args>.*?) -o "\$SS_APP/cli"$""", RegexOptions.Multiline)]
    private static partial Regex CliPublishLine();
}
