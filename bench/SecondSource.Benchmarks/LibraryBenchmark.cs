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
        var data = Path.Combine(folder, "data");
        try
        {
            CliProcess.Run(data, "seed the demo", "demo", "seed");
            CliProcess.Run(data, $"bom import ({lines:N0} lines)", "bom", "import", "AUR-VSM200", bom, "--label", "Scale");
            CliProcess.Run(data, "avl adopt (every source proposed)", "avl", "adopt", "--product", "AUR-VSM200", "--revision", "Scale");
            for (var i = 0; i < 3; i++)
            {
                CliProcess.Run(data, "bom audit --product --revision (against the library, JSON)", "bom", "audit", "--product", "AUR-VSM200", "--revision", "Scale", "--output", "json", "--fail-on", "never");
            }

            for (var i = 0; i < 3; i++)
            {
                CliProcess.Run(data, "bom export --format ipc2581", "bom", "export", "--product", "AUR-VSM200", "--revision", "Scale", "--line", "Vistula", "--out", Path.Combine(folder, "scale.xml"));
            }

            for (var i = 0; i < 3; i++)
            {
                CliProcess.Run(data, "bom audit --product --revision (demo, 150 lines)", "bom", "audit", "--product", "AUR-VSM200", "--revision", "Rev B", "--output", "json", "--fail-on", "never");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
