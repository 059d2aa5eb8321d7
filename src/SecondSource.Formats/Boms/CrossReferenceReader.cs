using nietras.SeparatedValues;

namespace SecondSource.Formats.Boms;

/// <summary>One row of a cross-reference table: an alternate for a part (by internal part number or MPN).</summary>
public sealed record CrossReferenceRow(int Row, string Part, string Manufacturer, string Mpn, string? Notes)
{
    /// <summary>The header of the part column as the file wrote it, for messages about the row.</summary>
    public string PartColumn { get; init; } = "Part";
}

/// <summary>
/// Reads a cross-reference table (CSV, comma, semicolon or tab; UTF-8 or UTF-16 with a mark, or the encoding given):
/// a header row, then one alternate per row — the part (internal part number or an MPN it already has), the
/// alternate's manufacturer and MPN, and optional notes. Header names are matched loosely ("Part or MPN",
/// "Alternate manufacturer", "Alt MPN", "Notes"). The first bad row stops the read with its file, row and column.
/// </summary>
public static class CrossReferenceReader
{
    private const int MaxRows = 100_000;

    private static readonly string[] PartHeaders = ["part or mpn", "part", "part number", "internal part number", "ipn", "mpn", "original mpn", "original part", "original part number"];
    private static readonly string[] MakerHeaders = ["alternate manufacturer", "alt manufacturer", "alternate mfr", "alt mfr", "alternate maker", "manufacturer"];
    private static readonly string[] MpnHeaders = ["alternate mpn", "alt mpn", "alternate part number", "alt part number", "alternate", "cross reference", "cross reference mpn"];
    private static readonly char[] Delimiters = [',', ';', '\t'];

    private static readonly string[] NoteHeaders = ["notes", "note", "comment", "comments", "remarks"];

    public static IReadOnlyList<CrossReferenceRow> Read(string path, Stream stream, string? encodingName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stream);
        var file = Path.GetFileName(path);
        var encoding = TextDecoding.Detect(stream, encodingName, file);
        string text;
        using (var reader = TextDecoding.OpenReader(stream, encoding))
        {
            text = reader.ReadToEnd();
        }

        var firstLine = text.Split('\n', 2)[0];
        var delimiter = Delimiters.MaxBy(d => firstLine.Count(c => c == d));
        using var csv = Sep.New(delimiter).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        int? part = null, maker = null, mpn = null, notes = null;
        var headers = new List<string>();
        var rows = new List<CrossReferenceRow>();
        foreach (var row in csv)
        {
            var number = row.RowIndex + 1;
            if (row.RowIndex == 0)
            {
                for (var c = 0; c < row.ColCount; c++)
                {
                    headers.Add(row[c].ToString().Trim());
                }

                var cleaned = headers.Select(h => Domain.Boms.ManufacturerCatalog.Clean(h)).ToList();
                int? Find(string[] names) => names.Select(n => cleaned.IndexOf(n)).Where(i => i >= 0).Select(i => (int?)i).FirstOrDefault();
                part = Find(PartHeaders);
                mpn = Find(MpnHeaders);
                maker = Find(MakerHeaders);
                notes = Find(NoteHeaders);
                if (part is null || maker is null || mpn is null || part == mpn || part == maker)
                {
                    throw new BomFileException(file, 1, null,
                        $"the header row needs a part column (Part or MPN), an alternate manufacturer column and an alternate MPN column; it has: {string.Join(", ", headers)}.");
                }

                continue;
            }

            if (rows.Count >= MaxRows)
            {
                throw new BomFileException(file, number, null, $"more than {MaxRows} rows: split the table.");
            }

            var cells = new string[row.ColCount];
            for (var c = 0; c < row.ColCount; c++)
            {
                cells[c] = row[c].ToString().Trim();
            }

            string Cell(int? column) => column is { } c && c < cells.Length ? cells[c] : "";
            var values = (Part: Cell(part), Maker: Cell(maker), Mpn: Cell(mpn), Notes: Cell(notes));
            if (values.Part.Length == 0 && values.Maker.Length == 0 && values.Mpn.Length == 0)
            {
                continue;
            }

            foreach (var (value, column) in new[] { (values.Part, part!.Value), (values.Maker, maker!.Value), (values.Mpn, mpn!.Value) })
            {
                if (value.Length == 0)
                {
                    throw new BomFileException(file, number, headers[column], "the cell is empty.");
                }

                if (value.Length > 200)
                {
                    throw new BomFileException(file, number, headers[column], "longer than 200 characters.");
                }
            }

            rows.Add(new CrossReferenceRow(number, values.Part, values.Maker, values.Mpn, values.Notes.Length == 0 ? null : values.Notes) { PartColumn = headers[part!.Value] });
        }

        if (headers.Count == 0)
        {
            throw new BomFileException(file, null, null, "the file is empty.");
        }

        return rows;
    }
}
