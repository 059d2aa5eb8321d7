using System.Text;
using CsCheck;
using SecondSource.Formats.Boms;
using SecondSource.Testing;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>
/// Property-based and fuzz tests of the readers (CsCheck): what is written in CSV comes back, and no input, however
/// damaged, makes a reader fail with anything but a <see cref="BomFileException"/>.
/// </summary>
public sealed class BomReaderPropertyTests
{
    private static readonly string[] Makers = ["Texas Instruments", "Murata", "YAGEO", "Nexperia", "Würth Elektronik", "Octavo Systems", "KEMET", "深圳市 Sunlord"];
    private static readonly string[] Prefixes = ["R", "C", "U", "J", "D", "FB", "TP", "SW"];

    private static readonly Domain.Boms.ManufacturerCatalog Catalog = Domain.Boms.ManufacturerCatalog.CreateDefault();

    // Part numbers of every shape, with a comma only as a maker's packaging suffix ("74LVC1G07GV,125"): a comma between two
    // part numbers lists two sources, which is what the reader must make of it. Texts that name no part (DNP, TBA, N/A) or
    // have the shape of a distributor's stock number ("…-ND") are read as what they are, so they are not part numbers here.
    private static readonly Gen<string> Mpn = Gen.Select(
            Gen.String[Gen.Char["ABCDEFGHJKLMNPRSTUVWXYZ0123456789-/.#\"+()"], 3, 18]
                .Where(s => s.Any(char.IsAsciiLetterOrDigit) && !s.EndsWith(')') && s.Trim() == s && !Domain.Boms.CellText.IsDnpMarker(s)
                    && !Catalog.IsPlaceholder(s) && !Catalog.IsGeneric(s) && Domain.Boms.CellText.DistributorOfSku(s) is null),
            Gen.OneOf("", "", "", ",115", ",215"))
        .Select((body, suffix) => body + suffix);

    private static readonly Gen<(string Maker, string Mpn)[]> SourcesGen = Gen.Select(Gen.OneOf(Makers), Mpn).Array[1, 3];

    private static readonly Gen<(int Count, (string Maker, string Mpn)[] Sources)[]> BomGen = Gen.Select(Gen.Int[1, 6], SourcesGen).Array[1, 40];

    [Fact]
    public void What_is_written_as_csv_comes_back_line_for_line()
    {
        Gen.Select(BomGen, Gen.OneOf(',', ';', '\t')).Sample((bom, delimiter) =>
        {
            var next = new Dictionary<string, int>();
            var expected = new List<(string[] Designators, (string Maker, string Mpn)[] Sources)>();
            var csv = new StringBuilder();
            csv.Append(string.Join(delimiter, "Designator", "Manufacturer 1", "MPN 1", "Manufacturer 2", "MPN 2", "Manufacturer 3", "MPN 3")).Append("\r\n");
            for (var i = 0; i < bom.Length; i++)
            {
                var prefix = Prefixes[i % Prefixes.Length];
                var designators = Enumerable.Range(0, bom[i].Count).Select(_ => prefix + (next[prefix] = next.GetValueOrDefault(prefix) + 1)).ToArray();
                var sources = bom[i].Sources.DistinctBy(s => s.Mpn).Select(s => (s.Maker, s.Mpn)).ToArray();
                expected.Add((designators, sources));
                var cells = new List<string> { string.Join(",", designators) };
                for (var s = 0; s < 3; s++)
                {
                    cells.Add(s < sources.Length ? sources[s].Maker : "");
                    cells.Add(s < sources.Length ? sources[s].Mpn : "");
                }

                csv.Append(string.Join(delimiter, cells.Select(c => Quote(c, delimiter)))).Append("\r\n");
            }

            var read = BomFiles.Text(csv.ToString());

            read.Lines.Count.ShouldBe(expected.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                read.Lines[i].Designators.ShouldBe(expected[i].Designators);
                read.Lines[i].Sources().ShouldBe(expected[i].Sources);
            }
        }, iter: 300);
    }

    [Fact]
    public void Random_bytes_are_read_or_refused_but_never_crash_the_reader()
    {
        Gen.Byte.Array[1, 3000].Sample(bytes => ReadOrRefuse(bytes), iter: 2000);
    }

    [Fact]
    public void A_real_csv_damaged_at_random_is_read_or_refused_but_never_crashes_the_reader()
    {
        var original = File.ReadAllBytes(Samples.RealBom("pocketbeagle_PocketBeagle_BOM.csv"));
        Gen.Select(Gen.Int[0, original.Length - 1].Array[1, 20], Gen.Byte.Array[20]).Sample((positions, values) =>
        {
            var damaged = (byte[])original.Clone();
            for (var i = 0; i < positions.Length; i++)
            {
                damaged[positions[i]] = values[i];
            }

            ReadOrRefuse(damaged);
        }, iter: 1000);
    }

    [Fact]
    public void Damaged_ipc2581_is_read_or_refused_but_never_crashes_the_reader()
    {
        var original = File.ReadAllText(Samples.RealBom("ipc2581_testcase10-RevC-BOM.xml"));
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, 40], Gen.String[Gen.Char["<>/=\"&;!?[]-abcXYZ 0123456789"], 0, 12]).Sample((at, cut, insert) =>
        {
            var damaged = original[..at] + insert + original[Math.Min(original.Length, at + cut)..];
            ReadOrRefuse(Encoding.UTF8.GetBytes(damaged), "damaged.xml");
        }, iter: 1000);
    }

    [Fact]
    public void A_real_xlsx_damaged_at_random_is_read_or_refused_but_never_crashes_the_reader()
    {
        // The zip's entries, central directory and deflate streams all get hit: what a truncated download or a bad
        // disk gives.
        var original = File.ReadAllBytes(Samples.RealBom("timecard_TimeCardV9_BOM_8-28-2023.xlsx"));
        Gen.Select(Gen.Int[0, original.Length - 1].Array[1, 8], Gen.Byte.Array[8], Gen.Int[0, 3]).Sample((positions, values, truncate) =>
        {
            var damaged = (byte[])original.Clone();
            for (var i = 0; i < positions.Length; i++)
            {
                damaged[positions[i]] = values[i];
            }

            ReadOrRefuse(truncate == 0 ? damaged[..positions[0]] : damaged, "damaged.xlsx");
        }, iter: 300);
    }

    /// <summary>Crashes the fuzzing found, kept as they were found (byte positions and values in the real workbook).</summary>
    [Theory]
    [InlineData(new[] { 1963 }, new byte[] { 163 })] // a damaged deflate stream in the workbook part: InvalidDataException escaped
    [InlineData(new[] { 9218, 18931, 5883, 6665 }, new byte[] { 61, 119, 41, 197 })] // text decoded late: XmlException escaped
    public void Damage_the_fuzzer_found_in_a_real_xlsx_is_refused_as_a_file_error(int[] positions, byte[] values)
    {
        var damaged = File.ReadAllBytes(Samples.RealBom("timecard_TimeCardV9_BOM_8-28-2023.xlsx"));
        for (var i = 0; i < positions.Length; i++)
        {
            damaged[positions[i]] = values[i];
        }

        Should.Throw<BomFileException>(() => BomFiles.Bytes(damaged, "damaged.xlsx")).Message.ShouldContain("damaged.xlsx");
    }

    private static void ReadOrRefuse(byte[] bytes, string name = "fuzz.csv")
    {
        try
        {
            _ = BomFiles.Bytes(bytes, name);
        }
        catch (BomFileException)
        {
            // A clear refusal is a correct answer to damaged input.
        }
    }

    private static string Quote(string cell, char delimiter) =>
        cell.Contains(delimiter, StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) || cell.Contains('\n', StringComparison.Ordinal)
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
