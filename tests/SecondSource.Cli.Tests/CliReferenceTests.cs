using System.Collections;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>docs/cli.md's reference is the commands' own description: generated, and checked to be current.</summary>
public sealed class CliReferenceTests
{
    [Fact]
    public void The_reference_in_docs_cli_md_matches_the_commands()
    {
        var path = TestPaths.InRepository(Path.Combine("docs", "cli.md"));
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var root = CliApp.BuildRoot(new CliContext(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, true), new Hashtable()));
        var generated = CliReference.Markdown(root);
        var marker = document.IndexOf(CliReference.Marker, StringComparison.Ordinal);
        var head = marker < 0 ? document.TrimEnd() + "\n\n" : document[..marker];
        var expected = head + CliReference.Marker + "\n\n" + generated;

        if (Environment.GetEnvironmentVariable("SECONDSOURCE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        document.ShouldBe(expected, "docs/cli.md is out of date: run SECONDSOURCE_UPDATE_DOCS=1 dotnet test tests/SecondSource.Cli.Tests --filter CliReferenceTests");
        generated.ShouldContain("#### bom export");
        generated.ShouldContain("### stress");
    }
}
