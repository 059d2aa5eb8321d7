using System.Collections;
using SecondSource.Testing;

namespace SecondSource.Cli.Tests;

/// <summary>The outcome of one in-process run of the <c>secondsource</c> command.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs the command against <paramref name="database"/> (its provider, connection and data folder), with optional stdin.</summary>
    public static async Task<CliRun> OnAsync(TestDatabase database, string? stdin, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(database);
        string[] where = ["--data", database.Folder.Path, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];
        return await RunAsync(stdin, new Hashtable(), [.. args, .. where]);
    }

    public static async Task<CliRun> RunAsync(string? stdin, IDictionary environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var code = await CliApp.RunAsync(args, new CliConsole(input, output, error, InputRedirected: true), environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
