using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SecondSource.Formats.Boms;

/// <summary>
/// Reads the rows of one sheet of an XLSX workbook with the platform's zip and XML readers: sheet XML is
/// streamed, shared strings held in memory. Every part is read through a byte ceiling, so a zip bomb disguised
/// as a workbook is refused within bounded memory and time.
/// </summary>
internal static class XlsxBomReader
{
    private const int MaxEntries = 10_000;
    private const long MaxSmallPartBytes = 16L << 20;
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static BomDocument Open(string path, Stream stream, BomReadOptions options)
    {
        var file = Path.GetFileName(path);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new BomFileException(file, null, null, $"the workbook has {zip.Entries.Count} parts; more than {MaxEntries} is refused.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new BomFileException(file, null, null, $"the file starts like a zip archive (XLSX) but cannot be opened as one: {ex.Message}");
        }

        var sheets = ReadSheets(zip, file);
        var chosen = options.Sheet is null
            ? sheets.FirstOrDefault()
            : sheets.FirstOrDefault(s => string.Equals(s.Name, options.Sheet, StringComparison.OrdinalIgnoreCase));
        if (chosen.Path is null)
        {
            throw new BomFileException(file, null, null, options.Sheet is null
                ? "the workbook has no sheet."
                : $"there is no sheet '{options.Sheet}'; the sheets are {string.Join(", ", sheets.Select(s => $"'{s.Name}'"))}.");
        }

        // One budget for the whole workbook: the shared strings and the sheet together stay within MaxExpandedBytes,
        // and each part within its ratio to its compressed size.
        var budget = new ExpansionBudget(options, file);
        var shared = ReadSharedStrings(zip, file, budget);
        var source = new SheetSource(zip, chosen.Path, shared, file, budget);
        var head = source.Rows(new Reading.Diagnostics([])).Take(Reading.TableReader.HeaderSearchRows).ToList();
        var info = new BomSourceInfo
        {
            File = path,
            Format = BomFileFormat.Xlsx,
            Sheet = chosen.Name,
        };
        var (_, header) = Reading.TableReader.FindHeader(head, options);
        if (header is null && head.All(r => r.FilledCells < 2))
        {
            throw new BomFileException(file, null, null,
                $"sheet '{chosen.Name}' has no header row in its first {Reading.TableReader.HeaderSearchRows} rows (column names such as Designator, Quantity, Manufacturer, MPN) and no table of values. Choose another sheet with --sheet, or name the columns with --map.");
        }

        return Reading.TableReader.Open(info, source, options, file, [], head);
    }

    /// <summary>The rows of one sheet, streamed from its XML part each time they are asked for.</summary>
    private sealed class SheetSource(ZipArchive zip, string part, List<string> shared, string file, ExpansionBudget limit) : Reading.ITableSource
    {
        public IEnumerable<Reading.TableRow> Rows(Reading.Diagnostics diagnostics)
        {
            foreach (var (number, cells) in ReadRows(zip, part, shared, file, limit))
            {
                yield return Reading.TableRow.OfCells(number, number, number, cells);
            }
        }
    }

    private static List<(string Name, string Path)> ReadSheets(ZipArchive zip, string file)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var rels = OpenPart(zip, "xl/_rels/workbook.xml.rels", MaxSmallPartBytes, file)
            ?? throw new BomFileException(file, null, null, "the workbook has no xl/_rels/workbook.xml.rels part: not an XLSX file."))
        using (var reader = SafeXml.Create(rels, MaxSmallPartBytes))
        {
            while (Read(reader, file))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string)>();
        using var workbook = OpenPart(zip, "xl/workbook.xml", MaxSmallPartBytes, file)
            ?? throw new BomFileException(file, null, null, "the workbook has no xl/workbook.xml part: not an XLSX file.");
        using var wb = SafeXml.Create(workbook, MaxSmallPartBytes);
        while (Read(wb, file))
        {
            if (wb.NodeType == XmlNodeType.Element && wb.LocalName == "sheet" && wb.GetAttribute("id", RelNs) is { } rid && targets.TryGetValue(rid, out var part))
            {
                sheets.Add((wb.GetAttribute("name") ?? part, part));
            }
        }

        return sheets;
    }

    private static List<string> ReadSharedStrings(ZipArchive zip, string file, ExpansionBudget budget)
    {
        var strings = new List<string>();
        var limit = budget.Claim(zip, "xl/sharedStrings.xml");
        using var part = OpenPart(zip, "xl/sharedStrings.xml", limit, file, budget);
        if (part is null)
        {
            return strings;
        }

        using var reader = SafeXml.Create(part, limit);
        var current = new StringBuilder();
        var inPhonetic = false;
        while (Read(reader, file))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "si":
                        current.Clear();
                        if (reader.IsEmptyElement)
                        {
                            strings.Add("");
                        }

                        break;
                    case "rPh":
                        inPhonetic = !reader.IsEmptyElement;
                        break;
                    case "t" when !inPhonetic && !reader.IsEmptyElement:
                        current.Append(ReadText(reader, file));
                        break;
                    default:
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "si")
                {
                    strings.Add(current.ToString());
                }
                else if (reader.LocalName == "rPh")
                {
                    inPhonetic = false;
                }
            }
        }

        return strings;
    }

    /// <summary>The sheet's rows in order: 1-based row number and cells by column (null where empty).</summary>
    private static IEnumerable<(int Number, string?[] Cells)> ReadRows(ZipArchive zip, string partName, List<string> shared, string file, ExpansionBudget budget)
    {
        var limit = budget.Claim(zip, partName);
        using var part = OpenPart(zip, partName, limit, file, budget)
            ?? throw new BomFileException(file, null, null, $"the sheet part {partName} is missing.");
        using var reader = SafeXml.Create(part, limit * 2);
        var cells = new List<string?>();
        var rowNumber = 0;
        var inRow = false;
        while (Read(reader, file))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                SafeXml.CheckDepth(reader, file);
                rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                cells.Clear();
                inRow = !reader.IsEmptyElement;
                if (!inRow)
                {
                    yield return (rowNumber, []);
                }
            }
            else if (inRow && reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                var column = ColumnIndex(reader.GetAttribute("r")) ?? cells.Count;
                var type = reader.GetAttribute("t");
                var value = reader.IsEmptyElement ? null : ReadCell(reader, type, shared, file);
                if (column > 16_384)
                {
                    throw new BomFileException(file, rowNumber, null, "a cell lies beyond column XFD, the last column a sheet can have.");
                }

                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = value;
            }
            else if (inRow && reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row")
            {
                inRow = false;
                yield return (rowNumber, cells.ToArray());
            }
        }
    }

    private static string? ReadCell(XmlReader reader, string? type, List<string> shared, string file)
    {
        string? raw = null;
        var inline = new StringBuilder();
        var depth = reader.Depth;
        while (Read(reader, file) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.IsEmptyElement)
            {
                continue;
            }

            if (reader.LocalName == "v")
            {
                raw = ReadText(reader, file);
            }
            else if (reader.LocalName == "t")
            {
                inline.Append(ReadText(reader, file));
            }
        }

        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : null,
            "inlineStr" => inline.ToString(),
            "b" => raw == "1" ? "TRUE" : "FALSE",
            "str" or "e" => raw,
            _ => FormatNumber(raw),
        };
    }

    /// <summary>The text of the element the reader is on; leaves the reader on its end tag.</summary>
    private static string ReadText(XmlReader reader, string file)
    {
        var depth = reader.Depth;
        var text = new StringBuilder();
        while (Read(reader, file) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                // Text is decoded when it is asked for: a damaged part fails here, not in Read.
                try
                {
                    text.Append(reader.Value);
                }
                catch (XmlException ex)
                {
                    throw SafeXml.Refused(ex, file);
                }
                catch (InvalidDataException ex)
                {
                    throw new BomFileException(file, null, null, $"a workbook part is damaged: {ex.Message}");
                }
            }
        }

        return text.ToString();
    }

    private static string? FormatNumber(string? raw) =>
        raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : raw;

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = checked((index * 26) + (char.ToUpperInvariant(c) - 'A' + 1));
            letters++;
            if (letters > 3)
            {
                return null;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    private static LimitedStream? OpenPart(ZipArchive zip, string name, long limit, string file, ExpansionBudget? budget = null)
    {
        var entry = zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        if (entry.Length > limit)
        {
            throw new BomFileException(file, null, null, $"the part {name} would expand to {entry.Length:N0} bytes; more than {limit:N0} is refused as a possible zip bomb{budget?.Hint(name)}.");
        }

        try
        {
            return new LimitedStream(entry.Open(), limit, () => new BomFileException(file, null, null,
                $"the part {name} expands beyond {limit:N0} bytes (its header claims {entry.Length:N0}): refused as a zip bomb{budget?.Hint(name)}."),
                ex => new BomFileException(file, null, null, $"the part {name} cannot be decompressed: {ex.Message}"));
        }
        catch (InvalidDataException ex)
        {
            throw new BomFileException(file, null, null, $"the part {name} cannot be decompressed: {ex.Message}");
        }
    }

    private static bool Read(XmlReader reader, string file)
    {
        try
        {
            return reader.Read();
        }
        catch (XmlException ex)
        {
            throw SafeXml.Refused(ex, file);
        }
        catch (InvalidDataException ex)
        {
            throw new BomFileException(file, null, null, $"a workbook part is damaged: {ex.Message}");
        }
    }

    /// <summary>
    /// The workbook's expansion budget: each part may expand to at most <see cref="BomReadOptions.MaxExpansionRatio"/>
    /// times its compressed size (or <see cref="BomReadOptions.RatioFloorBytes"/>), and the parts read — each counted
    /// once, however often it is streamed — to <see cref="BomReadOptions.MaxExpandedBytes"/> together.
    /// </summary>
    private sealed class ExpansionBudget(BomReadOptions options, string file)
    {
        private readonly Dictionary<string, long> _claimed = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The most this part may expand to; the first claim of a part takes its share of the total.</summary>
        public long Claim(ZipArchive zip, string name)
        {
            if (_claimed.TryGetValue(name, out var known))
            {
                return known;
            }

            var entry = zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                return 0;
            }

            var left = options.MaxExpandedBytes - _claimed.Values.Sum();
            var byRatio = Math.Max(options.RatioFloorBytes, entry.CompressedLength * (long)options.MaxExpansionRatio);
            var limit = Math.Max(0, Math.Min(left, byRatio));
            if (entry.Length > limit)
            {
                throw new BomFileException(file, null, null,
                    $"the part {name} would expand to {entry.Length:N0} bytes from {entry.CompressedLength:N0}; more than {limit:N0} is refused as a possible zip bomb{Hint(name)}.");
            }

            // A valid archive states each part's size: the part is held to it while it is read, and that is what it
            // takes from the total.
            var take = entry.Length > 0 ? entry.Length : limit;
            _claimed[name] = take;
            return take;
        }

        public string Hint(string name) =>
            $" (limits: {options.MaxExpandedBytes:N0} bytes for the whole workbook, {options.MaxExpansionRatio} times a part's compressed size; raise them with {options.RaiseHint("max-expanded-bytes")} or {options.RaiseHint("max-expansion-ratio")})";
    }
}
