using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>A table read from a file: its rows from the first, as often as asked (the reader passes over the start twice).</summary>
internal interface ITableSource
{
    IEnumerable<TableRow> Rows(Diagnostics diagnostics);

    /// <summary>True when a row writes every cell (delimited text); false where empty cells are left out (a sheet's XML).</summary>
    bool WritesEveryCell => false;
}

/// <summary>
/// Reads a table (CSV, TSV, fixed-width text or a sheet) as a BOM: finds the header row (or decides that the file has none and
/// types its columns by content), samples the rows to see what each column holds, plans the columns, and then streams every
/// row into a BOM line or an entry of the row accounting: header, preamble, blank, summary or footer, heading, repeated
/// header, continuation (another source for the line above) or a row with text only in unread columns.
/// </summary>
internal static class TableReader
{
    public const int HeaderSearchRows = 60;
    private const int SampleRows = 2000;

    public static BomDocument Open(BomSourceInfo baseInfo, ITableSource source, BomReadOptions options, string file, List<BomDiagnostic> diagnosticList,
        IReadOnlyList<TableRow>? head = null)
    {
        var diagnostics = new Diagnostics(diagnosticList);
        head ??= source.Rows(new Diagnostics([])).Take(HeaderSearchRows).ToList();
        var (headerIndex, headerRow) = FindHeader(head, options);
        var headerless = headerRow is null;
        var catalog = options.Manufacturers;

        // Sample the rows after the header to see what each column holds.
        var width = 0;
        var profiles = new List<ColumnProfile>();
        var sampled = 0;
        foreach (var row in source.Rows(new Diagnostics([])))
        {
            if (headerRow is not null && row.Row <= headerRow.Row)
            {
                continue;
            }

            if (row.IsBlank || IsSummary(row) || row.FilledCells <= 1 && !headerless)
            {
                continue;
            }

            width = Math.Max(width, row.Count);
            while (profiles.Count < width)
            {
                profiles.Add(new ColumnProfile());
            }

            for (var c = 0; c < row.Count; c++)
            {
                profiles[c].Add(row.Cell(c), catalog);
            }

            if (++sampled >= SampleRows)
            {
                break;
            }
        }

        var headers = headerRow is null
            ? Enumerable.Range(0, Math.Max(width, 1)).Select(_ => "").ToArray()
            : Enumerable.Range(0, headerRow.Count).Select(i => headerRow.Cell(i)?.Trim() ?? "").ToArray();
        if (headerless && sampled == 0)
        {
            throw new BomFileException(file, null, null, "the file holds no rows of a table (no delimiter separates its values into columns).");
        }

        var notes = new List<BomDiagnostic>();
        var plan = ColumnPlanner.Plan(headers, headerless, profiles, options, file, headerRow?.Row, notes);
        if (headerless)
        {
            diagnosticList.Add(new BomDiagnostic(FindingSeverity.Warning, null, null,
                "the file has no header row: its columns were typed by their content (" +
                string.Join("; ", plan.Columns.Where(c => c.Role != ColumnRole.Ignored).Select(c => $"#{(c.Index + 1).ToString(CultureInfo.InvariantCulture)} {ColumnRoles.Describe(c.Role, c.Source)}")) +
                "). Name them with --map (e.g. --map mpn=#3) if that is wrong."));
        }
        else if (headerIndex > 0)
        {
            diagnosticList.Add(new BomDiagnostic(FindingSeverity.Info, null, null,
                $"{headerIndex.ToString(CultureInfo.InvariantCulture)} row(s) before the header row {headerRow!.Row.ToString(CultureInfo.InvariantCulture)} were read as a preamble."));
        }

        diagnosticList.AddRange(notes);
        var info = baseInfo with
        {
            HeaderRow = headerRow?.Row,
            Columns = plan.Describe(),
            ColumnRoles = plan.Columns,
            LayoutKey = plan.LayoutKey(),
        };
        var accounting = new RowAccounting();
        return new BomDocument(info, diagnosticList, () => Lines(source, plan, headerRow?.Row, options, file, diagnostics, accounting), accounting);
    }

    /// <summary>
    /// The work budget of one row: no BOM has this many rows that hold something (a sheet formatted down to Excel's last
    /// row has a million empty ones, and they cost nothing), no BOM cell this many characters.
    /// </summary>
    private static void CheckBudget(TableRow row, ref int filled, ColumnPlan plan, BomReadOptions options, string file)
    {
        if (!row.IsBlank && ++filled > options.MaxRows)
        {
            throw new BomFileException(file, row.Row, null,
                $"the file has more than {options.MaxRows:N0} rows that hold something; a board's BOM has hundreds to a few thousand, so it is refused (raise the limit with {options.RaiseHint("max-rows")}).");
        }

        for (var c = 0; c < row.Count; c++)
        {
            if (row.CellLength(c) is var length && length > options.MaxCellChars)
            {
                var column = c < plan.Headers.Length && plan.Headers[c] is { Length: > 0 } name ? name : $"#{(c + 1).ToString(CultureInfo.InvariantCulture)}";
                throw new BomFileException(file, row.Row, column,
                    $"a cell of {length:N0} characters; more than {options.MaxCellChars:N0} is refused (raise the limit with {options.RaiseHint("max-cell-chars")}).");
            }
        }
    }

    private static IEnumerable<BomLine> Lines(ITableSource source, ColumnPlan plan, int? headerRow, BomReadOptions options, string file, Diagnostics diagnostics,
        RowAccounting accounting)
    {
        var interpreter = new LineInterpreter(plan, options.Manufacturers, diagnostics);
        var lineBuilder = new ContinuationJoiner(plan, diagnostics, accounting);
        var shapeWarnings = 0;
        var expected = plan.Headers.Length;
        var previous = 0;
        var filled = 0;
        foreach (var row in source.Rows(diagnostics))
        {
            CheckBudget(row, ref filled, plan, options, file);

            // Sheets skip empty rows in their XML: they are blank rows all the same.
            for (var missing = previous + 1; missing < row.Row; missing++)
            {
                accounting.Add(missing, missing <= (headerRow ?? 0) ? RowKind.Preamble : RowKind.Blank);
            }

            previous = row.Row;
            if (headerRow is { } h && row.Row <= h)
            {
                accounting.Add(row.Row, row.Row == h ? RowKind.Header : row.IsBlank ? RowKind.Blank : RowKind.Preamble, null, row.FirstLine, row.LastLine);
                continue;
            }

            if (row.IsBlank)
            {
                accounting.Add(row.Row, RowKind.Blank, null, row.FirstLine, row.LastLine);
                continue;
            }

            if (!plan.Headerless && IsRepeatedHeader(row, plan))
            {
                accounting.Add(row.Row, RowKind.RepeatedHeader, null, row.FirstLine, row.LastLine);
                continue;
            }

            if (IsSummary(row))
            {
                accounting.Add(row.Row, RowKind.Summary, SummaryNote(row), row.FirstLine, row.LastLine);
                continue;
            }

            if (IsHeading(row, plan))
            {
                accounting.Add(row.Row, RowKind.Heading, null, row.FirstLine, row.LastLine);
                continue;
            }

            if (!plan.Headerless && ExtraCells(row, expected) is { } extra && shapeWarnings++ < 20)
            {
                diagnostics.Add(FindingSeverity.Warning, row.Row, null,
                    $"row {row.Row.ToString(CultureInfo.InvariantCulture)} has {row.Count.ToString(CultureInfo.InvariantCulture)} cells, the header {expected.ToString(CultureInfo.InvariantCulture)}: the extra text '{extra}' is not read.");
            }
            else if (!plan.Headerless && source.WritesEveryCell && row.Count < expected && MissingReadCells(row, plan) is { Count: > 0 } missing && shapeWarnings++ < 20)
            {
                diagnostics.Add(FindingSeverity.Warning, row.Row, null,
                    $"row {row.Row.ToString(CultureInfo.InvariantCulture)} has {row.Count.ToString(CultureInfo.InvariantCulture)} cells, the header {expected.ToString(CultureInfo.InvariantCulture)}: its {string.Join(", ", missing)} {(missing.Count > 1 ? "cells are" : "cell is")} missing and read as empty.");
            }

            if (!interpreter.TryBuild(row, out var line))
            {
                accounting.Add(row.Row, RowKind.Unread, "text only in columns the audit does not read", row.FirstLine, row.LastLine);
                continue;
            }

            if (lineBuilder.Add(row, line) is { } ready)
            {
                yield return ready;
            }
        }

        if (shapeWarnings > 20)
        {
            diagnostics.Add(FindingSeverity.Warning, null, null, $"{(shapeWarnings - 20).ToString(CultureInfo.InvariantCulture)} more rows have more or fewer cells than the header.");
        }

        foreach (var ready in lineBuilder.Finish())
        {
            yield return ready;
        }

        diagnostics.Finish();
        _ = file;
    }

    /// <summary>The row that names the columns: the most BOM field names among the first rows (with at least one key field), or none.</summary>
    public static (int Index, TableRow? Row) FindHeader(IReadOnlyList<TableRow> head, BomReadOptions options)
    {
        var best = (Index: -1, Row: (TableRow?)null, Score: 0);
        for (var i = 0; i < head.Count; i++)
        {
            var score = HeaderScore(head[i], options);
            if (score > best.Score)
            {
                best = (i, head[i], score);
            }
        }

        return best.Score >= 2 ? (best.Index, best.Row) : (0, null);
    }

    public static int HeaderScore(TableRow row, BomReadOptions options)
    {
        var score = 0;
        var key = false;
        for (var c = 0; c < row.Count; c++)
        {
            var text = row.Cell(c)?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > 60)
            {
                continue;
            }

            if (options.Map.Any(m => string.Equals(m.Value.Trim(), text, StringComparison.OrdinalIgnoreCase)))
            {
                score += 2;
                key = true;
                continue;
            }

            var kind = HeaderWords.Classify(text).Kind;
            if (kind is HeaderKind.Unknown)
            {
                continue;
            }

            // A line number or an ignored field names a header only beside a key field.
            score += kind is HeaderKind.Ignored or HeaderKind.LineNumber ? 0 : 1;
            key |= kind is HeaderKind.Designators or HeaderKind.DesignatorsFreeText or HeaderKind.DesignatorsWeak or HeaderKind.Mpn or HeaderKind.MpnGeneric
                or HeaderKind.Combined or HeaderKind.Manufacturer or HeaderKind.MakerOrDistributor or HeaderKind.Quantity or HeaderKind.DistributorSku;
        }

        return key ? score : 0;
    }

    /// <summary>KiBoM's closing block ("Component Groups:,12"), and Subtotal/Total rows of carts and order lists.</summary>
    public static bool IsSummary(TableRow row)
    {
        // A total or a label with its value fills at most three cells; a BOM line fills more (and costs no string here).
        var cells = 0;
        for (var c = 0; c < row.Count && cells <= 3; c++)
        {
            cells += row.HasText(c) ? 1 : 0;
        }

        if (cells > 3)
        {
            return false;
        }

        var filled = 0;
        string? first = null;
        for (var c = 0; c < row.Count && filled <= 3; c++)
        {
            if (row.HasText(c))
            {
                filled++;
                first ??= row.Cell(c)!.Trim();
                var text = row.Cell(c)!.Trim().TrimEnd(':').Trim().ToLowerInvariant();
                if (text is "total" or "totals" or "subtotal" or "sub total" or "sub-total" or "grand total" or "total price" or "total cost" or "order total"
                    or "merchandise total" or "total purchase" or "total components" or "total prjs cost" or "summe" or "gesamt" or "total ht" or "total ttc")
                {
                    return filled <= 3 && RestIsNumbers(row, c);
                }
            }
        }

        // "Component Groups:,12": a label and its value. A label alone ("Mount all:") is a heading.
        return first is not null && filled == 2 && first.Length > 1 && first.EndsWith(':') && first.Length <= 40 && first[..^1].Any(char.IsLetter)
            && !CellText.LooksLikeDesignators(first.TrimEnd(':'));
    }

    private static bool RestIsNumbers(TableRow row, int keyword)
    {
        for (var c = 0; c < row.Count; c++)
        {
            if (c != keyword && row.HasText(c))
            {
                var t = row.Cell(c)!.Trim().TrimStart('$', '€', '£').Replace(",", "", StringComparison.Ordinal);
                if (!decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string SummaryNote(TableRow row)
    {
        for (var c = 0; c < row.Count; c++)
        {
            if (row.HasText(c))
            {
                var text = row.Cell(c)!.Trim();
                return text.EndsWith(':') ? "a summary block (KiBoM's Component Groups, Component Count, ...)" : "a total";
            }
        }

        return "a summary";
    }

    private static bool IsRepeatedHeader(TableRow row, ColumnPlan plan)
    {
        int named = 0, same = 0;
        for (var c = 0; c < plan.Headers.Length; c++)
        {
            if (plan.Headers[c].Length == 0)
            {
                continue;
            }

            named++;
            if (row.CellEquals(c, plan.Headers[c]))
            {
                same++;
            }
            else if ((named - same) * 5 > plan.Headers.Length)
            {
                return false;
            }
        }

        return named >= 2 && same * 5 >= named * 4;
    }

    /// <summary>One cell of text, in a column that is not a designator, quantity, source or distributor column: a heading between groups of lines.</summary>
    private static bool IsHeading(TableRow row, ColumnPlan plan)
    {
        var filled = -1;
        for (var c = 0; c < row.Count; c++)
        {
            if (row.HasText(c))
            {
                if (filled >= 0)
                {
                    return false;
                }

                filled = c;
            }
        }

        if (filled < 0)
        {
            return false;
        }

        var role = filled < plan.Columns.Count ? plan.Columns[filled].Role : ColumnRole.Ignored;
        if (role is ColumnRole.Quantity or ColumnRole.Mpn or ColumnRole.Manufacturer or ColumnRole.ManufacturerAndMpn
            or ColumnRole.DistributorSku or ColumnRole.Ignored or ColumnRole.InternalPartNumber)
        {
            return false;
        }

        // Words alone in the designator column ("Better to source on ali / taobao", "Optional") are a heading too.
        var text = row.Cell(filled)!.Trim();
        return !CellText.LooksLikeDesignators(text) && !CellText.IsDnpMarker(text) && !CellText.LooksLikePartNumber(text);
    }

    // The columns the audit reads that a short row leaves out ("'MPN'", "'Manufacturer'"); none for a full row.
    private static List<string> MissingReadCells(TableRow row, ColumnPlan plan) =>
        row.Count >= plan.Headers.Length ? [] : plan.Columns.Where(c => c.Index >= row.Count && c.Role != ColumnRole.Ignored).Select(c => $"'{c.Reference}'").ToList();

    private static string? ExtraCells(TableRow row, int expected)
    {
        if (row.Count <= expected)
        {
            return null;
        }

        var extra = new List<string>();
        for (var c = expected; c < row.Count; c++)
        {
            if (row.HasText(c))
            {
                extra.Add(row.Cell(c)!.Trim());
            }
        }

        return extra.Count == 0 ? null : string.Join(" | ", extra);
    }

    /// <summary>
    /// Holds each line back by one row, so that a continuation row (no designators, directly under a line, with the same
    /// description or none, and another source) can still join it.
    /// </summary>
    private sealed class ContinuationJoiner(ColumnPlan plan, Diagnostics diagnostics, RowAccounting accounting)
    {
        private BomLine? _pending;
        private int _pendingRow;

        /// <summary>Takes the row's line; returns the line before it when that one is complete (null while a continuation may follow).</summary>
        public BomLine? Add(TableRow row, BomLine line)
        {
            if (_pending is not null && IsContinuation(row, line))
            {
                var merged = _pending.Sources.ToList();
                foreach (var source in line.Sources)
                {
                    if (!merged.Any(s => string.Equals(s.Mpn, source.Mpn, StringComparison.OrdinalIgnoreCase) && s.ManufacturerKey == source.ManufacturerKey))
                    {
                        merged.Add(source);
                    }
                }

                diagnostics.Add(FindingSeverity.Info, row.Row, plan.HeaderOf(plan.Designators!.Value),
                    $"read as another source for row {_pending.Row.ToString(CultureInfo.InvariantCulture)} (empty designator directly under it): {string.Join(", ", line.Sources.Select(s => $"{s.Manufacturer} {s.Mpn}".Trim()))}.");
                accounting.Add(row.Row, RowKind.Continuation, $"another source for row {_pending.Row.ToString(CultureInfo.InvariantCulture)}", row.FirstLine, row.LastLine);
                _pending = _pending with { Sources = merged, Dnp = _pending.Dnp || line.Dnp };
                _pendingRow = row.Row;
                return null;
            }

            accounting.Add(row.Row, RowKind.Line, null, row.FirstLine, row.LastLine);
            var ready = _pending;
            _pending = line;
            _pendingRow = row.Row;
            return ready;
        }

        public IEnumerable<BomLine> Finish()
        {
            if (_pending is not null)
            {
                yield return _pending;
                _pending = null;
            }
        }

        private bool IsContinuation(TableRow row, BomLine line)
        {
            if (plan.Designators is not { } d || row.HasText(d) || line.Sources.Count == 0 || row.Row != _pendingRow + 1 || _pending!.Designators.Count == 0)
            {
                return false;
            }

            static bool SameOrEmpty(string? a, string? b) => a is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
            return SameOrEmpty(line.InternalPartNumber, _pending.InternalPartNumber) && SameOrEmpty(line.Description, _pending.Description)
                && SameOrEmpty(line.Value, _pending.Value) && SameOrEmpty(line.Footprint, _pending.Footprint)
                && (line.Quantity is null || line.Quantity == _pending.Quantity);
        }
    }
}
