using System.Diagnostics;
using System.Globalization;

namespace SecondSource.Benchmarks;

/// <summary>
/// The dual-AVL library at scale, through the <c>secondsource</c> command on a fresh SQLite data folder with the demo:
/// import a generated BOM as a revision (parts created), adopt its sources into the AVL, audit the stored revision
/// against the library (what the revision page and <c>bom audit --product --revision</c> do), export it flagged for
/// a line as IPC-2581. Wall times of each command, best of three for the read-only ones.
/// </summary>
internal static class LibraryBenchmark
{
    public static int Run(string[] args)
    {
        var lines = BomAuditBenchmark.Option(args, "--lines", 5_000);
        var folder = Path.Combine(BomAuditBenchmark.RepositoryRoot(), "artifacts", "bench", $"library-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var bom = Path.Combine(folder, $"bom-{lines}.csv");
        BomGenerator.Write(bom, lines, 42);
        var cli = Path.Combine(AppContext.BaseDirectory, "secondsource.dll");
        var data = Path.Combine(folder, "data");
        try
        {
            Run(cli, data, "seed the demo", "demo", "seed");
            Run(cli, data, $"bom import ({lines:N0} lines)", "bom", "import", "AUR-VSM200", bom, "--label", "Scale");
            Run(cli, data, "avl adopt (every source proposed)", "avl", "adopt", "--product", "AUR-VSM200", "--revision", "Scale");
            for (var i = 0; i < 3; i++)
            {
                Run(cli, data, "bom audit --product --revision (against the library, JSON)", "bom", "audit", "--product", "AUR-VSM200", "--revision", "Scale", "--output", "json", "--fail-on", "never");
            }

            for (var i = 0; i < 3; i++)
            {
                Run(cli, data, "bom export --format ipc2581", "bom", "export", "--product", "AUR-VSM200", "--revision", "Scale", "--line", "Vistula", "--out", Path.Combine(folder, "scale.xml"));
            }

            for (var i = 0; i < 3; i++)
            {
                Run(cli, data, "bom audit --product --revision (demo, 150 lines)", "bom", "audit", "--product", "AUR-VSM200", "--revision", "Rev B", "--output", "json", "--fail-on", "never");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(string cli, string data, string what, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(cli);
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(data);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        output.GetAwaiter().GetResult();
        watch.Stop();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{what} failed ({process.ExitCode}): {errors.GetAwaiter().GetResult()}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {watch.Elapsed.TotalSeconds:F2} s"));
    }
}
