using System.Globalization;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms.Reading;

namespace SecondSource.Formats.Boms;

/// <summary>
/// Reads a BOM from text: comma, semicolon or tab separated, or the fixed-width part lists EAGLE writes. The encoding is
/// checked first; the delimiter and the header row (after any preamble) are found from the first rows; a file without a
/// header is read when its columns can be typed by content. Rows stream, so memory stays flat at any size.
/// </summary>
internal static class CsvBomReader
{
    private const int MaxLineChars = 1 << 20;

    public static BomDocument Open(string path, Stream stream, BomReadOptions options, bool tabOnly)
    {
        var file = Path.GetFileName(path);
        var diagnostics = new List<BomDiagnostic>();
        var encoding = TextDecoding.Detect(stream, options.Encoding, file, diagnostics);

        char[] candidates = tabOnly ? ['\t'] : [',', ';', '\t', '|'];
        (ITableSource Source, IReadOnlyList<TableRow> Head, int Score, int Consistency, char Delimiter)? best = null;
        foreach (var delimiter in candidates)
        {
            var source = new DelimitedSource(stream, encoding, delimiter, multiLine: delimiter != '\t', file);
            var head = source.Rows(new Diagnostics([])).Take(TableReader.HeaderSearchRows).ToList();
            var (_, header) = TableReader.FindHeader(head, options);
            var score = header is null ? 0 : TableReader.HeaderScore(header, options);
            var consistency = Consistency(head);
            if (best is null || score > best.Value.Score || (score == best.Value.Score && consistency > best.Value.Consistency))
            {
                best = (source, head, score, consistency, delimiter);
            }
        }

        var chosen = best!.Value;
        if (chosen.Score < 2 && !tabOnly && FixedWidthSource.TryCreate(stream, encoding, file, options) is { } fixedWidth)
        {
            var head = fixedWidth.Rows(new Diagnostics([])).Take(TableReader.HeaderSearchRows).ToList();
            var info = new BomSourceInfo { File = path, Format = BomFileFormat.Csv, Encoding = encoding.Name, Delimiter = "fixed-width" };
            diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, null, null, "read as a fixed-width part list (columns start where the header's words start), as EAGLE writes them."));
            return TableReader.Open(info, fixedWidth, options, file, diagnostics, head);
        }

        if (chosen.Score < 2 && chosen.Consistency == 0)
        {
            throw new BomFileException(file, null, null,
                $"no header row in the first {TableReader.HeaderSearchRows} rows (column names such as Designator, Quantity, Manufacturer, MPN) and no delimiter splits the rows into the same columns: this does not read as a BOM table. If it is one, name its columns with --map.");
        }

        var baseInfo = new BomSourceInfo
        {
            File = path,
            Format = chosen.Delimiter == '\t' ? BomFileFormat.Tsv : BomFileFormat.Csv,
            Encoding = encoding.Name,
            Delimiter = chosen.Delimiter == '\t' ? "tab" : chosen.Delimiter.ToString(),
        };
        return TableReader.Open(baseInfo, chosen.Source, options, file, diagnostics, chosen.Head);
    }

    /// <summary>How well a delimiter splits the first rows into one shape: rows with two or more cells, all with the most common count.</summary>
    private static int Consistency(IReadOnlyList<TableRow> rows)
    {
        var counts = rows.Where(r => !r.IsBlank && r.FilledCells >= 2).GroupBy(r => r.Count).Select(g => g.Count()).ToList();
        return counts.Count == 0 ? 0 : counts.Max();
    }

    /// <summary>Delimited rows of the text, read from the start each time.</summary>
    private sealed class DelimitedSource(Stream stream, TextDecoding.Detected encoding, char delimiter, bool multiLine, string file) : ITableSource
    {
        public int? ExpectedCells { get; set; }

        public bool WritesEveryCell => true;

        public IEnumerable<TableRow> Rows(Diagnostics diagnostics)
        {
            using var reader = TextDecoding.OpenReader(stream, encoding);
            var lines = new TextLines(reader, file, MaxLineChars, encoding.Name);
            var records = new DelimitedRecords(lines, delimiter, multiLine, MaxLineChars) { ExpectedCells = ExpectedCells };
            var reported = 0;
            while (records.TryRead(out var row))
            {
                if (records.ExpectedCells is null && !row.IsBlank && TableReader.HeaderScore(row, new BomReadOptions()) >= 2)
                {
                    // The header fixes the table's shape for rows whose quoted cells hold line breaks.
                    records.ExpectedCells = row.Count;
                }

                while (reported < records.StrayQuotes.Count)
                {
                    var (r, line, text) = records.StrayQuotes[reported++];
                    diagnostics.Add(FindingSeverity.Warning, r, null,
                        $"row {r.ToString(CultureInfo.InvariantCulture)} (line {line.ToString(CultureInfo.InvariantCulture)}): a double quote that would open a field running over the next lines is read as a character ({Excerpt(text)}), so the rows after it stay rows.");
                }

                if (delimiter == '\t' && records.ExpectedCells >= 3 && row.Count == 1 && row.Cell(0) is { } only && only.Contains("  ", StringComparison.Ordinal))
                {
                    // A row typed with spaces where the rest of the file has tabs: runs of two or more spaces separate its cells.
                    var cells = only.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (cells.Length >= 2)
                    {
                        diagnostics.Add(FindingSeverity.Warning, row.Row, null,
                            $"row {row.Row.ToString(CultureInfo.InvariantCulture)} has no tabs: its cells were read where two or more spaces separate them ({string.Join(" | ", cells)}).");
                        yield return TableRow.OfCells(row.Row, row.FirstLine, row.LastLine, cells);
                        continue;
                    }
                }

                yield return row;
            }
        }

        private static string Excerpt(string text)
        {
            var quote = text.IndexOf('"', StringComparison.Ordinal);
            var start = Math.Max(0, quote - 20);
            var length = Math.Min(text.Length - start, 40);
            return string.Concat("…", text.AsSpan(start, length), "…");
        }
    }

    /// <summary>An EAGLE part list: a title, an export line, then a header whose words start the columns, then aligned rows.</summary>
    private sealed class FixedWidthSource : ITableSource
    {
        private readonly Stream _stream;
        private readonly TextDecoding.Detected _encoding;
        private readonly string _file;
        private readonly int _headerLine;
        private readonly int[] _starts;

        private FixedWidthSource(Stream stream, TextDecoding.Detected encoding, string file, int headerLine, int[] starts)
        {
            _stream = stream;
            _encoding = encoding;
            _file = file;
            _headerLine = headerLine;
            _starts = starts;
        }

        public static FixedWidthSource? TryCreate(Stream stream, TextDecoding.Detected encoding, string file, BomReadOptions options)
        {
            using var reader = TextDecoding.OpenReader(stream, encoding);
            var lines = new TextLines(reader, file, MaxLineChars, encoding.Name);
            while (lines.LineNumber < TableReader.HeaderSearchRows && lines.TryRead(out var line, out var number))
            {
                if (line.Contains('\t', StringComparison.Ordinal))
                {
                    line = line.Replace("\t", "    ", StringComparison.Ordinal);
                }

                var starts = new List<int>();
                var words = new List<string>();
                for (var i = 0; i < line.Length; i++)
                {
                    if (line[i] != ' ' && (i == 0 || line[i - 1] == ' '))
                    {
                        starts.Add(i);
                        var end = line.IndexOf(' ', i);
                        words.Add(end < 0 ? line[i..] : line[i..end]);
                    }
                }

                if (words.Count < 3)
                {
                    continue;
                }

                var row = TableRow.OfCells(number, number, number, [.. words]);
                var kinds = words.Select(w => HeaderWords.Classify(w).Kind).ToList();
                if (TableReader.HeaderScore(row, options) >= 2 && kinds.Count(k => k != HeaderKind.Unknown) * 2 >= words.Count)
                {
                    return new FixedWidthSource(stream, encoding, file, number, [.. starts]);
                }
            }

            return null;
        }

        public IEnumerable<TableRow> Rows(Diagnostics diagnostics)
        {
            using var reader = TextDecoding.OpenReader(_stream, _encoding);
            var lines = new TextLines(reader, _file, MaxLineChars, _encoding.Name);
            while (lines.TryRead(out var raw, out var number))
            {
                var line = raw.Contains('\t', StringComparison.Ordinal) ? raw.Replace("\t", "    ", StringComparison.Ordinal) : raw;
                if (number < _headerLine)
                {
                    yield return TableRow.OfCells(number, number, number, line.Trim().Length == 0 ? [] : [line.Trim()]);
                    continue;
                }

                var trimmed = line.Trim();
                if (trimmed.Contains(' ', StringComparison.Ordinal) && !trimmed.Contains("  ", StringComparison.Ordinal))
                {
                    // Words with single spaces only are a sentence ("For example RAM 23LC1024 or Flash W25Q128"), not padded columns.
                    yield return TableRow.OfCells(number, number, number, [trimmed]);
                    continue;
                }

                var cells = new string?[_starts.Length];
                var owner = 0;
                for (var c = 0; c < _starts.Length; c++)
                {
                    var start = _starts[c];
                    if (start >= line.Length)
                    {
                        break;
                    }

                    var end = c + 1 < _starts.Length ? Math.Min(_starts[c + 1], line.Length) : line.Length;
                    var text = line[start..end].Trim();

                    // Text that runs across a column start ("For example RAM 23LC1024 or Flash W25Q128") belongs to the cell it began in.
                    if (c > 0 && start > 0 && line[start - 1] != ' ' && line[start] != ' ' && cells[owner] is { Length: > 0 })
                    {
                        cells[owner] = (cells[owner] + line[start..end]).TrimEnd();
                        continue;
                    }

                    cells[c] = text;
                    if (text.Length > 0)
                    {
                        owner = c;
                    }
                }

                yield return TableRow.OfCells(number, number, number, cells);
            }
        }
    }
}
