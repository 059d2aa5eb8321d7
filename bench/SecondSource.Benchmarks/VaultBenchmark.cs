namespace SecondSource.Benchmarks;

/// <summary>
/// The vault with large files, through the <c>secondsource</c> command on a fresh SQLite data folder with the demo:
/// store a generated file of each size as a new revision, fetch it back, and verify the access log. Wall time and peak
/// resident memory of each command: streaming means the peak does not grow with the file.
/// </summary>
internal static class VaultBenchmark
{
    public static int Run(string[] args)
    {
        var largest = BomAuditBenchmark.Option(args, "--mib", 150);
        var folder = Path.Combine(BomAuditBenchmark.RepositoryRoot(), "artifacts", "bench", $"vault-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        try
        {
            CliProcess.Run(data, "seed the demo", "demo", "seed");
            foreach (var mib in new[] { 1, 20, largest }.Distinct())
            {
                var file = Path.Combine(folder, $"odb-{mib}mib.tgz");
                Generate(file, mib, mib);
                CliProcess.Run(data, $"vault put ({mib} MiB)", "vault", "put", "AUR-VSM200", "OdbPlusPlus", file, "--note", $"{mib} MiB");
                var revision = LatestRevision(data);
                CliProcess.Run(data, $"vault get ({mib} MiB)", "vault", "get", revision, "--out", Path.Combine(folder, $"fetched-{mib}.tgz"));
                File.Delete(file);
                File.Delete(Path.Combine(folder, $"fetched-{mib}.tgz"));
            }

            CliProcess.Run(data, "audit verify", "audit", "verify");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Incompressible-looking content, deterministic per seed, written in 1 MiB blocks.</summary>
    private static void Generate(string path, int mib, int seed)
    {
        var random = new Random(seed);
        var block = new byte[1 << 20];
        using var file = File.Create(path);
        for (var i = 0; i < mib; i++)
        {
            random.NextBytes(block);
            file.Write(block);
        }
    }

    private static string LatestRevision(string data)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { CliProcess.Cli, "--data", data, "vault", "list", "AUR-VSM200" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var row = output.Split('\n').Single(l => l.StartsWith("ODB++", StringComparison.Ordinal));
        return row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
    }
}
