using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms;

/// <summary>
/// Turns the rows of a table (CSV or a sheet) into BOM lines: designators, quantity, DNP, sources from every
/// source column group, continuation rows (an empty designator directly under a part, carrying another source
/// for it), and a check that the manufacturer and part-number columns are not swapped. Lines come out one row
/// behind the input, so that a continuation row can still join the line above it.
/// </summary>
internal sealed class TabularBomBuilder
{
    private const int SwapSampleRows = 64;
    private static readonly string[] EntrySeparators = [";", "|", "\n", " / ", ", "];
    private static readonly System.Buffers.SearchValues<char> SeparatorChars = System.Buffers.SearchValues.Create(";|\n/,");

    private readonly string _file;
    private readonly BomColumnMap _map;
    private readonly ManufacturerCatalog _catalog;
    private readonly List<BomDiagnostic> _diagnostics;
    private readonly List<(int Row, int? TextLine, string?[] Cells)> _sample = [];
    private readonly Queue<BomLine> _ready = new();
    private bool _decided;
    private BomLine? _pending;
    private int _pendingRow;

    public TabularBomBuilder(string file, BomColumnMap map, ManufacturerCatalog catalog, List<BomDiagnostic> diagnostics)
    {
        _file = file;
        _map = map;
        _catalog = catalog;
        _diagnostics = diagnostics;
        foreach (var note in map.Notes)
        {
            diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, null, null, note));
        }

        UsedColumns = [.. EnumerateUsedColumns().Distinct().Order()];
        _fieldColumns = Enum.GetValues<BomField>().Select(f => map.Column(f) ?? -1).ToArray();
    }

    // Column of each field (by BomField value), -1 where the file has none: read once per row, looked up once per file.
    private readonly int[] _fieldColumns;

    /// <summary>The columns the builder reads; readers materialise only these cells.</summary>
    public int[] UsedColumns { get; }

    /// <summary>Adds a data row (cells indexed by column, null where not read). Completed lines are taken with <see cref="TryTake"/>.</summary>
    public void Add(int row, int? textLine, string?[] cells)
    {
        if (_decided)
        {
            Process(row, textLine, cells);
            return;
        }

        _sample.Add((row, textLine, cells));
        if (_sample.Count >= SwapSampleRows)
        {
            DecideAndDrain();
        }
    }

    public bool TryTake(out BomLine line) => _ready.TryDequeue(out line!);

    /// <summary>Ends the table: the lines still held back become ready.</summary>
    public void Finish()
    {
        if (!_decided)
        {
            DecideAndDrain();
        }

        if (_pending is not null)
        {
            _ready.Enqueue(_pending);
            _pending = null;
        }
    }

    private void DecideAndDrain()
    {
        _decided = true;
        DetectSwappedColumns();
        foreach (var (row, textLine, cells) in _sample)
        {
            Process(row, textLine, cells);
        }

        _sample.Clear();
    }

    private void Process(int row, int? textLine, string?[] cells)
    {
        if (IsBlank(cells))
        {
            return;
        }

        var line = BuildLine(row, textLine, cells);
        var designatorColumn = _map.Column(BomField.Designators);
        var isContinuation = _pending is not null
            && designatorColumn is not null
            && (designatorColumn.Value >= cells.Length || string.IsNullOrWhiteSpace(cells[designatorColumn.Value]))
            && line.Sources.Count > 0
            && row == _pendingRow + 1
            && (line.InternalPartNumber is null || line.InternalPartNumber == _pending.InternalPartNumber);
        if (isContinuation)
        {
            var merged = _pending!.Sources.ToList();
            foreach (var source in line.Sources)
            {
                if (!merged.Any(s => s.Mpn == source.Mpn && s.ManufacturerKey == source.ManufacturerKey))
                {
                    merged.Add(source);
                }
            }

            _diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, row, _map.Headers[designatorColumn!.Value],
                $"read as another source for row {_pending.Row} (empty designator directly under it): {string.Join(", ", line.Sources.Select(s => $"{s.Manufacturer} {s.Mpn}".Trim()))}."));
            _pending = _pending with { Sources = merged };
            _pendingRow = row;
            return;
        }

        if (_pending is not null)
        {
            _ready.Enqueue(_pending);
        }

        _pending = line;
        _pendingRow = row;
    }

    private bool IsBlank(string?[] cells)
    {
        foreach (var c in UsedColumns)
        {
            if (c < cells.Length && !string.IsNullOrWhiteSpace(cells[c]))
            {
                return false;
            }
        }

        return true;
    }

    private BomLine BuildLine(int row, int? textLine, string?[] cells)
    {
        string? Cell(BomField field) => _fieldColumns[(int)field] is var c and >= 0 && c < cells.Length ? Clean(cells[c]) : null;

        var designatorText = Cell(BomField.Designators);
        if (designatorText is not null && _map.DesignatorsInFreeText)
        {
            designatorText = StripFreeTextPrefix(designatorText);
        }

        var parsed = ReferenceDesignators.Parse(designatorText);
        foreach (var problem in parsed.Problems)
        {
            _diagnostics.Add(new BomDiagnostic(FindingSeverity.Warning, row, _map.Headers[_map.Column(BomField.Designators)!.Value], problem + "."));
        }

        var generic = false;
        var sources = new List<BomSource>();
        for (var g = 0; g < _map.Sources.Count; g++)
        {
            var group = _map.Sources[g];
            var maker = group.Manufacturer is { } m && m < cells.Length ? Clean(cells[m]) : null;
            var mpn = group.Mpn is { } p && p < cells.Length ? Clean(cells[p]) : null;
            var combined = group.Combined is { } x && x < cells.Length ? Clean(cells[x]) : null;
            if (g == 0 && (_catalog.IsGeneric(maker) || (maker is null && _catalog.IsGeneric(combined))))
            {
                generic = true;
                maker = null;
                combined = null;
            }

            if (combined is not null)
            {
                AddCombined(combined, sources);
            }

            if (maker is not null || mpn is not null)
            {
                AddPairs(row, maker, mpn, generic, group, sources);
            }
        }

        var quantityText = Cell(BomField.Quantity);
        decimal? quantity = null;
        if (quantityText is not null)
        {
            if (decimal.TryParse(quantityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var q))
            {
                quantity = q;
            }
            else
            {
                _diagnostics.Add(new BomDiagnostic(FindingSeverity.Warning, row, _map.Headers[_map.Column(BomField.Quantity)!.Value], $"quantity '{quantityText}' is not a number; ignored."));
            }
        }

        var value = Cell(BomField.Value);
        var dnpText = Cell(BomField.Dnp);
        var dnp = dnpText is not null && (_map.DnpColumnMeansPopulate ? IsFalse(dnpText) : IsTrue(dnpText));
        dnp |= value is not null && (value.Equals("DNP", StringComparison.OrdinalIgnoreCase) || value.Equals("DNF", StringComparison.OrdinalIgnoreCase));
        var criticalText = Cell(BomField.Critical);
        bool? critical = criticalText is null ? null : IsTrue(criticalText) ? true : IsFalse(criticalText) ? false : null;

        return new BomLine
        {
            Row = row,
            TextLine = textLine,
            Designators = parsed.Designators,
            Quantity = quantity,
            Dnp = dnp,
            InternalPartNumber = Cell(BomField.InternalPartNumber),
            Description = Cell(BomField.Description),
            Value = value,
            Footprint = Cell(BomField.Footprint),
            Sources = sources,
            Generic = generic,
            CriticalInFile = critical,
        };
    }

    private void AddPairs(int row, string? maker, string? mpn, bool generic, SourceColumns group, List<BomSource> sources)
    {
        var makers = maker is null ? [] : Split(maker);
        var mpns = mpn is null ? [] : Split(mpn);
        if (makers.Count > 1 && makers.Count == mpns.Count)
        {
            for (var i = 0; i < makers.Count; i++)
            {
                AddSource(makers[i], mpns[i], sources);
            }

            return;
        }

        if (makers.Count <= 1 && mpns.Count > 1)
        {
            foreach (var one in mpns)
            {
                AddSource(maker, one, sources);
            }

            return;
        }

        if (!generic && mpn is not null && mpn.EndsWith(')') && mpn.LastIndexOf('(') is var open and > 0)
        {
            // "SMBJ24CA(Brightking)": the maker written after the part number, in place of or besides the maker column.
            var inside = mpn[(open + 1)..^1].Trim();
            var sameAsMaker = maker is not null && _catalog.Normalize(maker)?.Key == _catalog.Normalize(inside)?.Key;
            if (sameAsMaker || (maker is null && (_catalog.IsKnown(inside) || (inside.Length > 1 && inside.All(char.IsLetter)))))
            {
                _diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, row, group.Mpn is { } p ? _map.Headers[p] : null,
                    sameAsMaker
                        ? $"part number '{mpn}' read as '{mpn[..open].Trim()}': the bracket repeats the manufacturer."
                        : $"manufacturer '{inside}' read from the part number '{mpn}'."));
                AddSource(maker ?? inside, mpn[..open].Trim(), sources);
                return;
            }
        }

        AddSource(maker, mpn, sources);
    }

    private void AddCombined(string cell, List<BomSource> sources)
    {
        foreach (var entry in Split(cell))
        {
            var space = entry.LastIndexOf(' ');
            if (space <= 0)
            {
                AddSource(null, entry, sources);
            }
            else
            {
                AddSource(entry[..space].Trim(), entry[(space + 1)..].Trim(), sources);
            }
        }
    }

    private void AddSource(string? maker, string? mpn, List<BomSource> sources)
    {
        var name = _catalog.Normalize(maker);
        var source = new BomSource(maker?.Trim() ?? "", name?.Key, mpn?.Trim() ?? "");
        if (source.Mpn.Length == 0 && source.Manufacturer.Length == 0)
        {
            return;
        }

        foreach (var existing in sources)
        {
            if (existing.Mpn == source.Mpn && existing.ManufacturerKey == source.ManufacturerKey)
            {
                return;
            }
        }

        sources.Add(source);
    }

    private static List<string> Split(string cell)
    {
        if (cell.AsSpan().IndexOfAny(SeparatorChars) < 0)
        {
            return [cell];
        }

        foreach (var separator in EntrySeparators)
        {
            if (cell.Contains(separator, StringComparison.Ordinal))
            {
                return [.. cell.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            }
        }

        return [cell];
    }

    private void DetectSwappedColumns()
    {
        if (_map.Sources.Count == 0 || _map.Sources[0] is not { Manufacturer: { } m, Mpn: { } p })
        {
            return;
        }

        int both = 0, makerLooksLikePart = 0, partLooksLikeMaker = 0;
        foreach (var (_, _, cells) in _sample)
        {
            var maker = m < cells.Length ? Clean(cells[m]) : null;
            var part = p < cells.Length ? Clean(cells[p]) : null;
            if (maker is null || part is null || _catalog.IsGeneric(maker))
            {
                continue;
            }

            both++;
            makerLooksLikePart += LooksLikePartNumber(maker) ? 1 : 0;
            partLooksLikeMaker += LooksLikeMaker(part) ? 1 : 0;
        }

        if (both >= 3 && makerLooksLikePart * 5 >= both * 4 && partLooksLikeMaker * 5 >= both * 4)
        {
            _diagnostics.Add(new BomDiagnostic(FindingSeverity.Warning, null, _map.Headers[m],
                $"column '{_map.Headers[m]}' holds part numbers and '{_map.Headers[p]}' holds manufacturer names in {makerLooksLikePart} of {both} sampled rows: read them swapped. Use --map manufacturer=… --map mpn=… if that is wrong."));
            _map.SwapPrimarySource();
        }
    }

    private bool LooksLikePartNumber(string text) =>
        text.Length >= 3 && !text.Contains(' ', StringComparison.Ordinal) && text.Any(char.IsDigit) && !_catalog.IsKnown(text);

    private bool LooksLikeMaker(string text) => _catalog.IsKnown(text) || (text.Any(char.IsLetter) && !text.Any(char.IsDigit));

    private static string StripFreeTextPrefix(string text)
    {
        // "TIME CARD - C3, C4" and "TIME CARD-C[5-8,...]": words with spaces, then a dash, then the designators.
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '-')
            {
                var before = text.AsSpan(0, i);
                if (before.Contains(' ') && before.Trim().ToString().All(c => char.IsLetter(c) || c == ' '))
                {
                    return text[(i + 1)..];
                }

                break;
            }
        }

        return text;
    }

    private static string? Clean(string? cell)
    {
        if (cell is null)
        {
            return null;
        }

        var trimmed = cell.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static bool IsTrue(string text) => text.Trim().ToLowerInvariant() is "dnp" or "dnf" or "yes" or "y" or "x" or "true" or "1" or "critical" or "nf" or "not fitted" or "do not populate";

    private static bool IsFalse(string text) => text.Trim().ToLowerInvariant() is "no" or "n" or "false" or "0" or "dnp" or "dnf" or "nf" or "not fitted" or "not critical" or "ni" or "-";

    private IEnumerable<int> EnumerateUsedColumns()
    {
        foreach (BomField field in Enum.GetValues<BomField>())
        {
            if (_map.Column(field) is { } c)
            {
                yield return c;
            }
        }

        foreach (var s in _map.Sources)
        {
            foreach (var c in new[] { s.Manufacturer, s.Mpn, s.Combined })
            {
                if (c is { } column)
                {
                    yield return column;
                }
            }
        }
    }
}
