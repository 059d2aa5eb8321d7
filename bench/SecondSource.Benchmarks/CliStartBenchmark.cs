using System.Diagnostics;
using System.Globalization;

namespace SecondSource.Benchmarks;

/// <summary>
/// How long a <c>secondsource</c> command takes from the shell prompt to its exit on the demo installation: the
/// process floor (<c>--version</c>), commands that open the database (<c>party list</c>, <c>testdata batches</c>) and
/// one that does not (<c>bom audit</c> of a 50-line file). Each published build named with <c>--build DIR</c>
/// (repeatable; default this benchmark's own) runs every command in turn, interleaved, <c>--runs</c> times; medians
/// are printed side by side, so two builds measured in one run share the machine's noise.
/// </summary>
internal static class CliStartBenchmark
{
    public static int Run(string[] args)
    {
        var runs = BomAuditBenchmark.Option(args, "--runs", 7);
        var builds = new List<string>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--build")
            {
                builds.Add(Path.GetFullPath(args[i + 1]));
            }
        }

        if (builds.Count == 0)
        {
            builds.Add(AppContext.BaseDirectory);
        }

        var folder = Path.Combine(BomAuditBenchmark.RepositoryRoot(), "artifacts", "bench", $"cli-start-{Guid.NewGuid():N}");
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        try
        {
            var bom = Path.Combine(folder, "bom-50.csv");
            BomGenerator.Write(bom, 50, 42);
            Time(builds[0], ["--data", data, "demo", "seed"]);
            string[][] commands =
            [
                ["--version"],
                ["--data", data, "party", "list"],
                ["--data", data, "testdata", "batches", "AUR-VSM200"],
                ["bom", "audit", bom, "--fail-on", "never"],
            ];

            // Warm the page cache and each build's first start once, unmeasured.
            foreach (var build in builds)
            {
                foreach (var command in commands)
                {
                    Time(build, command);
                }
            }

            var times = builds.ToDictionary(b => b, _ => commands.Select(_ => new List<double>()).ToArray());
            for (var run = 0; run < runs; run++)
            {
                for (var c = 0; c < commands.Length; c++)
                {
                    foreach (var build in builds)
                    {
                        times[build][c].Add(Time(build, commands[c]));
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {runs} interleaved runs, seconds from start to exit:"));
            Console.WriteLine($"{"command",-28}" + string.Concat(builds.Select(b => $"  {Label(b),24}")));
            for (var c = 0; c < commands.Length; c++)
            {
                var name = string.Join(' ', commands[c].Where(a => a != "--data" && a != data).Select(a => a.StartsWith('/') ? Path.GetFileName(a) : a));
                Console.WriteLine($"{name,-28}" + string.Concat(builds.Select(b => string.Create(CultureInfo.InvariantCulture, $"  {Median(times[b][c]),24:F3}"))));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Label(string build)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(build));
        return name.Length > 24 ? name[^24..] : name;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Time(string build, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(build, "secondsource.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"secondsource {string.Join(' ', args)} ({build}) exited {process.ExitCode}: {errors.Result}{output.Result}");
        }

        return watch.Elapsed.TotalSeconds;
    }
}
