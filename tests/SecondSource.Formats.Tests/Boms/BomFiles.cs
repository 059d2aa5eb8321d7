using System.Text;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>Reads a BOM from a sample file or from text written in the test.</summary>
internal static class BomFiles
{
    internal sealed record Read(BomSourceInfo Info, IReadOnlyList<BomLine> Lines, IReadOnlyList<BomDiagnostic> Diagnostics)
    {
        public BomLine At(string designator) => Lines.Single(l => l.Designators.Contains(designator));
    }

    public static Read File(string path, BomReadOptions? options = null)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Of(path, stream, options);
    }

    public static Read Text(string content, string name = "test.csv", BomReadOptions? options = null, Encoding? encoding = null, bool byteOrderMark = false)
    {
        var enc = encoding ?? new UTF8Encoding(false);
        var bytes = (byteOrderMark ? enc.GetPreamble() : []).Concat(enc.GetBytes(content)).ToArray();
        return Bytes(bytes, name, options);
    }

    public static Read Bytes(byte[] bytes, string name = "test.csv", BomReadOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return Of(name, stream, options);
    }

    private static Read Of(string path, Stream stream, BomReadOptions? options)
    {
        var document = BomReader.Open(path, stream, options ?? new BomReadOptions());
        var lines = document.ReadLines().ToList();
        return new Read(document.Info, lines, document.Diagnostics.ToList());
    }

    public static IReadOnlyList<(string Maker, string Mpn)> Sources(this BomLine line) => line.Sources.Select(s => (s.Manufacturer, s.Mpn)).ToList();
}
