using System.Globalization;
using System.Text.RegularExpressions;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Testing;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>
/// The reader against the corpus of real BOM files (Samples/bom-corpus and Samples/real-boms) and their hand-checked
/// expectations: every row accounted for as the expectation says, no line claimed with two makers where the file names one,
/// every DNP line read as DNP, no file refused, and at least 98 % of lines read exactly right. Prints its totals.
/// </summary>
public sealed partial class BomCorpusTests(ITestOutputHelper output)
{
    private sealed record Expected(string File, List<(int From, int To, string Kind)> Rows, HashSet<int> Dnp, Dictionary<int, List<string>> Makers);

    [Fact]
    public void The_corpus_reads_as_hand_checked()
    {
        var expectations = Parse(File.ReadAllLines(Path.Combine(CorpusFolder, "expectations.txt")));
        var catalog = ManufacturerCatalog.CreateDefault();
        int files = 0, refused = 0, rows = 0, misaccounted = 0, unaccounted = 0, lines = 0, exact = 0, falseDual = 0, dnpMissed = 0, dnpExtra = 0, makerMismatch = 0;
        var problems = new List<string>();
        foreach (var expected in expectations)
        {
            files++;
            var path = expected.File.StartsWith("real-boms/", StringComparison.Ordinal)
                ? Samples.RealBom(expected.File["real-boms/".Length..])
                : Path.Combine(CorpusFolder, expected.File);
            BomDocument document;
            List<BomLine> read;
            using var stream = File.OpenRead(path);
            try
            {
                document = BomReader.Open(path, stream, new BomReadOptions());
                read = document.ReadLines().ToList();
            }
            catch (BomFileException ex)
            {
                refused++;
                problems.Add($"{expected.File}: refused: {ex.Message}");
                continue;
            }

            // Rows: the accounting covers every row once, and each row became what the expectation says.
            var kindOf = new Dictionary<int, string>();
            foreach (var range in document.Rows.Ranges)
            {
                for (var r = range.From; r <= range.To; r++)
                {
                    if (!kindOf.TryAdd(r, RowRange.KindName(range.Kind)))
                    {
                        unaccounted++;
                        problems.Add($"{expected.File}: row {r} accounted twice");
                    }
                }
            }

            var expectedKinds = new Dictionary<int, string>();
            foreach (var (from, to, kind) in expected.Rows)
            {
                for (var r = from; r <= to; r++)
                {
                    expectedKinds[r] = kind;
                }
            }

            rows += expectedKinds.Count;
            foreach (var (row, kind) in expectedKinds)
            {
                if (!kindOf.TryGetValue(row, out var actual))
                {
                    unaccounted++;
                    problems.Add($"{expected.File}: row {row} not accounted for (expected {kind})");
                }
                else if (actual != kind)
                {
                    misaccounted++;
                    problems.Add($"{expected.File}: row {row} read as {actual}, expected {kind}");
                }
            }

            unaccounted += kindOf.Keys.Count(r => !expectedKinds.ContainsKey(r));
            if (document.Rows.Total != kindOf.Count)
            {
                problems.Add($"{expected.File}: the accounting's total {document.Rows.Total} is not the {kindOf.Count} rows it lists");
                unaccounted++;
            }

            // Lines: DNP as expected, and the makers the file names, with nothing counted that is not recognised.
            var byRow = read.GroupBy(l => l.Row).ToDictionary(g => g.Key, g => g.First());
            foreach (var row in expectedKinds.Where(k => k.Value == "line").Select(k => k.Key))
            {
                lines++;
                if (!byRow.TryGetValue(row, out var line))
                {
                    continue;
                }

                var right = true;
                if (expected.Dnp.Contains(row) != line.Dnp)
                {
                    right = false;
                    if (line.Dnp)
                    {
                        dnpExtra++;
                    }
                    else
                    {
                        dnpMissed++;
                    }

                    problems.Add($"{expected.File}: row {row} {(line.Dnp ? "read as DNP, expected fitted" : "not read as DNP")}");
                }

                var named = Named(line, catalog);
                var expectedMakers = expected.Makers.GetValueOrDefault(row) ?? [];
                var expectedRecognised = expectedMakers.Count(m => !m.StartsWith('?'));
                if (line.DistinctManufacturers >= 2 && line.DistinctManufacturers > Math.Max(1, expectedRecognised))
                {
                    falseDual++;
                    right = false;
                    problems.Add($"{expected.File}: row {row} claims {line.DistinctManufacturers} makers ({string.Join(", ", named)}), the file names {Math.Max(1, expectedRecognised)}");
                }

                var matches = expectedMakers.Count == 0
                    ? named.Count <= 1
                    : named.Select(Key).Order().SequenceEqual(expectedMakers.Select(Key).Order());
                if (!matches)
                {
                    makerMismatch++;
                    right = false;
                    problems.Add($"{expected.File}: row {row} names {string.Join(" | ", named)}, expected {(expectedMakers.Count == 0 ? "at most one maker" : string.Join(" | ", expectedMakers))}");
                }

                exact += right ? 1 : 0;
            }

            foreach (var row in expected.Dnp.Where(r => !byRow.ContainsKey(r)))
            {
                dnpMissed++;
                problems.Add($"{expected.File}: DNP row {row} is not a line");
            }
        }

        var share = lines == 0 ? 0 : 100.0 * exact / lines;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BOM corpus: {files} files ({refused} refused), {rows} rows ({unaccounted} unaccounted, {misaccounted} read as another kind), {lines} lines: {exact} read exactly right ({share:F1} %), {falseDual} claimed dual-sourced where the file names one maker, {dnpMissed} DNP missed, {dnpExtra} DNP too many, {makerMismatch} with other makers"));
        foreach (var problem in problems)
        {
            output.WriteLine("  " + problem);
        }

        files.ShouldBeGreaterThanOrEqualTo(60);
        refused.ShouldBe(0);
        unaccounted.ShouldBe(0);
        misaccounted.ShouldBe(0);
        falseDual.ShouldBe(0);
        dnpMissed.ShouldBe(0);
        share.ShouldBeGreaterThanOrEqualTo(98.0);
    }

    [Fact]
    public void The_corpus_comes_from_at_least_thirty_projects_each_with_its_source_and_licence()
    {
        var readme = File.ReadAllText(Path.Combine(CorpusFolder, "README.md"));
        var files = Directory.GetFiles(CorpusFolder).Select(Path.GetFileName).Where(f => f is not ("README.md" or "expectations.txt")).ToList();
        foreach (var file in files)
        {
            readme.ShouldContain($"`{file}`", customMessage: $"{file} has no row in the corpus README");
        }

        var projects = SourceRow().Matches(readme).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        (projects + 6).ShouldBeGreaterThanOrEqualTo(30, "six more projects are in Samples/real-boms");
        var expectations = Parse(File.ReadAllLines(Path.Combine(CorpusFolder, "expectations.txt")));
        expectations.Count(e => !e.File.StartsWith("real-boms/", StringComparison.Ordinal)).ShouldBe(files.Count, "every file has its expectation");
    }

    private static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "Samples", "bom-corpus");

    private static string Key(string name) => ManufacturerCatalog.Clean(name.TrimStart('?'));

    /// <summary>The makers a line names: recognised ones by their catalogue name, the others as written with a '?'.</summary>
    private static List<string> Named(BomLine line, ManufacturerCatalog catalog) =>
        line.Sources.Where(s => s.ManufacturerKey is not null || s.Unverified)
            .Select(s => s.ManufacturerKey is not null ? catalog.Recognise(s.Manufacturer)?.DisplayName ?? s.Manufacturer : "?" + s.Manufacturer.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static List<Expected> Parse(string[] text)
    {
        var result = new List<Expected>();
        Expected? current = null;
        foreach (var raw in text)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = new Expected(line[1..^1], [], [], []);
                result.Add(current);
                continue;
            }

            if (current is null)
            {
                throw new InvalidOperationException($"expectations.txt: '{line}' before any [file].");
            }

            if (line.StartsWith("rows:", StringComparison.Ordinal))
            {
                foreach (Match m in RowRangeText().Matches(line))
                {
                    var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    var to = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : from;
                    current.Rows.Add((from, to, m.Groups[3].Value));
                }
            }
            else if (line.StartsWith("dnp:", StringComparison.Ordinal))
            {
                foreach (var n in line[4..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    current.Dnp.Add(int.Parse(n, CultureInfo.InvariantCulture));
                }
            }
            else if (line.StartsWith("makers ", StringComparison.Ordinal))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var row = int.Parse(line[7..colon], CultureInfo.InvariantCulture);
                current.Makers[row] = [.. line[(colon + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            }
            else
            {
                throw new InvalidOperationException($"expectations.txt: '{line}' is not rows:, dnp: or makers N:.");
            }
        }

        return result;
    }

    [GeneratedRegex(@"(\d+)(?:-(\d+))? ([a-z-]+)")]
    private static partial Regex RowRangeText();

    [GeneratedRegex(@"\| github\.com/([^ ]+) @")]
    private static partial Regex SourceRow();
}
