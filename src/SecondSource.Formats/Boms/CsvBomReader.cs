using System.Text;
using nietras.SeparatedValues;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms;

/// <summary>
/// Reads a delimited BOM (CSV, semicolon, TSV) in one streaming pass with Sep: encoding checked first, the
/// delimiter and the header row (after any preamble rows) found from the first rows, quoted fields with
/// delimiters and line breaks honoured.
/// </summary>
internal static class CsvBomReader
{
    private const int HeaderSearchRows = 50;
    private const int SampleChars = 1 << 16;

    public static BomDocument Open(string path, Stream stream, BomReadOptions options, bool tabOnly)
    {
        var file = Path.GetFileName(path);
        var encoding = TextDecoding.Detect(stream, options.Encoding, file);
        string sample;
        using (var reader = TextDecoding.OpenReader(stream, encoding))
        {
            var buffer = new char[SampleChars];
            int read;
            try
            {
                read = reader.ReadBlock(buffer, 0, buffer.Length);
            }
            catch (DecoderFallbackException ex)
            {
                throw new BomFileException(file, null, null, $"the file cannot be decoded as {encoding.Name}: {ex.Message}");
            }

            sample = new string(buffer, 0, read);
        }

        char[] candidates = tabOnly ? ['\t'] : [',', ';', '\t'];
        var (delimiter, headerIndex, headers) = FindHeader(sample, candidates, options.Map, file);
        var diagnostics = new List<BomDiagnostic>();
        var map = BomColumnMap.Build(headers, options.Map, file, headerIndex + 1);
        var info = new BomSourceInfo
        {
            File = path,
            Format = delimiter == '\t' ? BomFileFormat.Tsv : BomFileFormat.Csv,
            Encoding = encoding.Name,
            Delimiter = delimiter == '\t' ? "tab" : delimiter.ToString(),
            HeaderRow = headerIndex + 1,
            Columns = map.Describe(),
        };
        if (headerIndex > 0)
        {
            diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, null, null, $"{headerIndex} row(s) before the header row {headerIndex + 1} were skipped as a preamble."));
        }

        return new BomDocument(info, diagnostics, () => ReadLines(stream, encoding, delimiter, headerIndex, map, options, file, diagnostics));
    }

    private static IEnumerable<BomLine> ReadLines(Stream stream, TextDecoding.Detected encoding, char delimiter, int headerIndex, BomColumnMap map,
        BomReadOptions options, string file, List<BomDiagnostic> diagnostics)
    {
        var builder = new TabularBomBuilder(file, map, options.Manufacturers, diagnostics);
        var used = builder.UsedColumns;
        var width = used.Length == 0 ? 0 : used[^1] + 1;
        using var text = TextDecoding.OpenReader(stream, encoding);
        using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        using var rows = reader.GetEnumerator();
        while (true)
        {
            int rowNumber;
            int textLine;
            string?[] cells;
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }

                var row = rows.Current;
                rowNumber = row.RowIndex + 1;
                if (row.RowIndex <= headerIndex)
                {
                    continue;
                }

                textLine = row.LineNumberFrom;
                cells = new string?[width];
                var count = Math.Min(row.ColCount, width);
                foreach (var c in used)
                {
                    if (c < count)
                    {
                        cells[c] = row[c].ToString();
                    }
                }
            }
            catch (DecoderFallbackException ex)
            {
                throw new BomFileException(file, null, null, $"the file cannot be decoded as {encoding.Name}: {ex.Message}");
            }

            builder.Add(rowNumber, textLine != rowNumber ? textLine : null, cells);
            while (builder.TryTake(out var line))
            {
                yield return line;
            }
        }

        builder.Finish();
        while (builder.TryTake(out var line))
        {
            yield return line;
        }
    }

    /// <summary>The delimiter and header row that best look like a BOM header within the first rows of the sample.</summary>
    private static (char Delimiter, int HeaderIndex, string[] Headers) FindHeader(string sample, char[] candidates, IReadOnlyDictionary<string, string> map, string file)
    {
        (char Delimiter, int Index, string[] Headers, int Score) best = (',', -1, [], 0);
        foreach (var candidate in candidates)
        {
            var records = SplitRecords(sample, candidate, HeaderSearchRows);
            for (var i = 0; i < records.Count; i++)
            {
                var score = BomColumnMap.Score(records[i], map);
                if (score > best.Score)
                {
                    best = (candidate, i, records[i].Select(h => h.Trim()).ToArray(), score);
                }
            }
        }

        if (best.Score < 2)
        {
            throw new BomFileException(file, null, null,
                $"no header row found in the first {HeaderSearchRows} rows: expected column names such as Designator, Quantity, Manufacturer, MPN. If the file has them under other names, name the columns with --map.");
        }

        return (best.Delimiter, best.Index, best.Headers);
    }

    /// <summary>A small quote-aware splitter for the header search only (the full read uses Sep).</summary>
    internal static List<List<string>> SplitRecords(string text, char delimiter, int maxRecords)
    {
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length && records.Count < maxRecords; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields);
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (records.Count < maxRecords && (fields.Count > 0 || field.Length > 0))
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }

        return records;
    }
}
