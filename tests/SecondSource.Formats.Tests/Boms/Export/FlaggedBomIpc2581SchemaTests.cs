using System.Diagnostics;
using System.Text;
using SecondSource.Formats.Boms;
using SecondSource.Formats.Boms.Export;

namespace SecondSource.Formats.Tests.Boms.Export;

/// <summary>
/// The flagged IPC-2581 export against the official IPC-2581C schema (Samples/schemas/README.md for its source), with
/// xmllint as an independent validator: a real consumer must accept the file we say is revision C.
/// </summary>
public sealed class FlaggedBomIpc2581SchemaTests
{
    private static readonly string Schema = Path.Combine(AppContext.BaseDirectory, "Samples", "schemas", "IPC-2581C.xsd");

    private static readonly FlaggedBom Bom = new("AUR-VSM200", "VitalSign bedside monitor VSM-200", "Rev B", "Vistula EMS / SMT line 1",
        new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), "engineer@aurora-medical.example",
    [
        new(["U6"], 1, false, "TLV75533PDBVR", null, "LDO 3.3 V 500 mA & <analog> rail", "3.3 V LDO", "SOT-23-5", true, false,
        [
            new("Texas Instruments", "TLV75533PDBVR", 1, true, "approved"),
            new("Diodes Incorporated", "AP7354-33W5-7", 2, false, "refused by the line"),
        ]),
        new(["C1", "C2", "C3"], 3.0m, false, "CAP-100N", "CAP-100N", "100 nF", "100nF", "0201", false, false, [new("Murata", "GRM033R61A104KE15D", 1, true, "approved")]),
        new(["R99"], 1, true, "RC0201FR-0710KL", null, "Resistor 10 k", "10k", "0201", false, false, [new("Yageo", "RC0201FR-0710KL", 1, false, "proposed")]),
        new(["MH1", "MH2"], 2, false, null, null, "Mounting hole M3", null, null, false, false, []),
    ]);

    private static (int Exit, string Output) Xmllint(string file)
    {
        var start = new ProcessStartInfo("xmllint", ["--noout", "--schema", Schema, file]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static void RequireXmllint()
    {
        if (!File.Exists("/usr/bin/xmllint"))
        {
            Assert.Skip("xmllint is not installed (Debian: libxml2-utils); .ci/run installs it.");
        }
    }

    [Fact]
    public void The_export_validates_against_the_official_ipc2581c_schema_and_reads_back()
    {
        RequireXmllint();
        using var folder = new Scratch();
        var file = Path.Combine(folder.Path, "export.xml");
        using (var stream = File.Create(file))
        {
            FlaggedBomIpc2581Writer.Write(Bom, stream);
        }

        var (exit, output) = Xmllint(file);

        exit.ShouldBe(0, output);
        output.ShouldContain("validates");
        var read = BomFiles.Bytes(File.ReadAllBytes(file), "export.xml");
        read.Info.Format.ShouldBe(BomFileFormat.Ipc2581);
        read.At("U6").Sources.Select(s => s.Mpn).ShouldBe(["TLV75533PDBVR"]);
        read.At("U6").Description.ShouldBe("LDO 3.3 V 500 mA & <analog> rail");
        read.At("C1").Quantity.ShouldBe(3);
        read.At("R99").Dnp.ShouldBeTrue();
        read.Lines.Count.ShouldBe(4);
    }

    [Fact]
    public void The_validator_refuses_a_reference_to_a_layer_the_file_does_not_define()
    {
        RequireXmllint();
        using var folder = new Scratch();
        var file = Path.Combine(folder.Path, "broken.xml");
        using (var buffer = new MemoryStream())
        {
            FlaggedBomIpc2581Writer.Write(Bom, buffer);
            var xml = Encoding.UTF8.GetString(buffer.ToArray()).Replace("<RefDes name=\"U6\"", "<RefDes layerRef=\"TOP\" name=\"U6\"", StringComparison.Ordinal);
            File.WriteAllText(file, xml);
        }

        var (exit, output) = Xmllint(file);

        exit.ShouldNotBe(0, "the schema's key references must catch what the old export wrote");
        output.ShouldContain("TOP");
    }

    /// <summary>A temporary folder removed after the test.</summary>
    private sealed class Scratch : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ipc2581-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
