using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>
/// Turns one table row into a BOM line by the column plan. A source counts only when it is shown to be one: a text in a
/// maker column is a maker only if it has a maker's shape (not a part number, a distributor stock number, a value, a web
/// address, a placeholder or a DNP marker), and it counts towards dual sourcing only if the catalogue, the aliases file or
/// the library recognises it. A distributor is never a source. "maker,MPN" and "maker MPN" cells are split; a part-number
/// cell is split at commas only when every piece is a part number. DNP is read wherever people write it.
/// </summary>
internal sealed partial class LineInterpreter(ColumnPlan plan, ManufacturerCatalog catalog, Diagnostics diagnostics)
{
    private static readonly string[] ListSeparators = [";", "|", "\n", " / ", ", ", ","];
    private static readonly string[] MakerSeparators = [";", "|", "\n"];
    private static readonly string[] CombinedSeparators = [";", "|", "\n", ", "];

    /// <summary>Builds the line of a row; false when the row has no text in any column the reader uses.</summary>
    public bool TryBuild(TableRow row, out BomLine line)
    {
        var dnp = false;
        var generic = false;
        var sources = new List<BomSource>(2);
        for (var g = 0; g < plan.Sources.Count; g++)
        {
            ReadSource(row, g, plan.Sources[g], sources, ref dnp, ref generic);
        }

        JoinOrphans(sources);
        var designatorText = Cell(row, plan.Designators);
        if (designatorText is not null && plan.DesignatorsInFreeText)
        {
            designatorText = StripFreeTextPrefix(designatorText);
        }

        var parsed = ReferenceDesignators.Parse(designatorText);
        foreach (var problem in parsed.Problems)
        {
            diagnostics.Add(FindingSeverity.Warning, row.Row, plan.HeaderOf(plan.Designators!.Value), problem + ".");
        }

        decimal? quantity = null;
        if (Cell(row, plan.Quantity) is { } quantityText)
        {
            if (TryQuantity(quantityText, out var q))
            {
                quantity = q;
            }
            else
            {
                diagnostics.Add(FindingSeverity.Warning, row.Row, plan.HeaderOf(plan.Quantity!.Value), $"quantity '{quantityText}' is not a number; ignored.");
            }
        }

        var value = Cell(row, plan.Value);
        var description = Cell(row, plan.Description);
        if (Cell(row, plan.Dnp) is { } dnpText)
        {
            dnp |= plan.DnpMeansPopulate ? IsNotPopulated(dnpText) : IsDnpInDnpColumn(dnpText);
        }

        foreach (var v in plan.Variants)
        {
            dnp |= CellText.ContainsDnpWord(Cell(row, v));
        }

        // A stock number or distributor cell is read only for a DNP marker: most cells are ruled out without making a string.
        foreach (var d in plan.Distributors)
        {
            dnp |= row.MayBeDnpMarker(d) && CellText.IsDnpMarker(Cell(row, d));
        }

        foreach (var d in plan.DistributorNames)
        {
            dnp |= row.MayBeDnpMarker(d) && CellText.IsDnpMarker(Cell(row, d));
        }

        dnp |= value is not null && (CellText.IsDnpMarker(value) || CellText.ContainsDnpWord(value));
        dnp |= description is not null && (CellText.IsDnpMarker(description) || CellText.ContainsDnpWord(description) || ValueSlotSaysNotFitted(description, parsed.Designators));
        if (value is not null && CellText.IsDnpMarker(value))
        {
            value = null;
        }

        var criticalText = Cell(row, plan.Critical);
        bool? critical = criticalText is null ? null : IsTrue(criticalText) ? true : IsFalse(criticalText) ? false : null;
        var internalNumber = Cell(row, plan.InternalPartNumber);
        line = new BomLine
        {
            Row = row.Row,
            TextLine = row.FirstLine != row.Row ? row.FirstLine : null,
            Designators = parsed.Designators,
            Quantity = quantity,
            Dnp = dnp,
            InternalPartNumber = internalNumber,
            Description = description,
            Value = value,
            Footprint = Cell(row, plan.Footprint),
            Sources = sources,
            Generic = generic && !sources.Any(s => s.ManufacturerKey is not null || s.Unverified),
            CriticalInFile = critical,
        };
        return designatorText is not null || sources.Count > 0 || quantity is not null || value is not null || description is not null
            || internalNumber is not null || line.Footprint is not null || dnp || generic;
    }

    private void ReadSource(TableRow row, int g, SourceColumns group, List<BomSource> sources, ref bool dnp, ref bool generic)
    {
        var maker = Cell(row, group.Manufacturer);
        var mpn = Cell(row, group.Mpn);
        var combined = Cell(row, group.Combined);
        var makerHeader = group.Manufacturer is { } mh ? plan.HeaderOf(mh) : null;
        var mpnHeader = group.Mpn is { } ph ? plan.HeaderOf(ph) : null;

        // The common case first: a maker the catalogue knows, alone in its cell, is none of the things checked below.
        var knownMaker = maker is not null && !maker.Contains(',', StringComparison.Ordinal) && catalog.Recognise(maker) is not null;
        if (!knownMaker && CellText.IsDnpMarker(maker))
        {
            dnp = true;
            maker = null;
        }

        if (CellText.IsDnpMarker(mpn))
        {
            dnp = true;
            mpn = null;
        }

        if (CellText.IsDnpMarker(combined))
        {
            dnp = true;
            combined = null;
        }

        if ((!knownMaker && catalog.IsGeneric(maker)) || (maker is null && mpn is null && catalog.IsGeneric(combined)))
        {
            generic |= g == 0;
            maker = null;
            combined = null;
            if (catalog.IsGeneric(mpn))
            {
                mpn = null;
            }
        }
        else if (catalog.IsGeneric(mpn))
        {
            generic |= g == 0 && maker is null;
            mpn = null;
        }

        maker = !knownMaker && catalog.IsPlaceholder(maker) ? null : maker;
        mpn = catalog.IsPlaceholder(mpn) ? null : mpn;
        combined = catalog.IsPlaceholder(combined) ? null : combined;

        if (combined is not null)
        {
            foreach (var (m, p) in SplitCombined(combined))
            {
                Add(sources, m, p);
            }
        }

        List<string> makers = [];
        if (maker is not null)
        {
            makers = knownMaker ? [maker] : ReadMakerCell(row.Row, makerHeader, maker, ref mpn, mpnHeader);
        }

        if (mpn is not null)
        {
            mpn = ReadMpnCell(row.Row, mpnHeader, mpn, makers);
        }

        if (makers.Count == 0 && mpn is null)
        {
            return;
        }

        var parts = mpn is null ? [] : SplitPartNumbers(mpn);
        if (makers.Count > 1 && makers.Count == parts.Count)
        {
            for (var i = 0; i < makers.Count; i++)
            {
                Add(sources, makers[i], parts[i]);
            }

            return;
        }

        if (parts.Count == 0)
        {
            foreach (var m in makers)
            {
                Add(sources, m, null);
            }

            return;
        }

        foreach (var m in makers.Count == 0 ? [null] : makers.Cast<string?>())
        {
            foreach (var p in parts)
            {
                Add(sources, m, p);
            }
        }
    }

    /// <summary>What a maker cell's text is: the maker names it gives (none when it is not a maker), moving a part number it holds to <paramref name="mpn"/>.</summary>
    private List<string> ReadMakerCell(int row, string? header, string text, ref string? mpn, string? mpnHeader)
    {
        if (catalog.DistributorName(text) is { } distributor)
        {
            diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' is a distributor ({distributor}), never a source.");
            if (mpn is not null && CellText.DistributorOfSku(mpn) is not null)
            {
                diagnostics.Add(FindingSeverity.Info, row, mpnHeader, $"'{mpn}' is {distributor}'s stock number, not a manufacturer part number.");
                mpn = null;
            }

            return [];
        }

        // "Murata,GRM188R71H104KA93D" or "DIGI,296-1234-1-ND": a name and a number in one cell.
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma < text.Length - 1)
        {
            var left = text[..comma].Trim();
            var right = text[(comma + 1)..].Trim();
            if (catalog.DistributorName(left) is { } dist)
            {
                diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' is a distributor ({dist}) and its stock number, never a source.");
                return [];
            }

            if ((CellText.LooksLikePartNumber(right) || CellText.LooksLikeSpacedPartNumber(right)) && (catalog.Recognise(left) is not null || CellText.LooksLikeMakerName(left)))
            {
                diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' read as the maker '{left}' and its part number '{right}'.");
                if (mpn is null || SamePart(mpn, right))
                {
                    mpn = right;
                }
                else
                {
                    mpn = mpn + "; " + right;
                }

                return [left];
            }
        }

        if (catalog.Recognise(text) is not null)
        {
            return [text];
        }

        // Several makers in one cell ("TI or ST"), none of them "any".
        if (SplitOnOr(text) is { Length: > 1 } alternatives && Array.TrueForAll(alternatives, p => !catalog.IsGeneric(p) && (catalog.Recognise(p) is not null || CellText.LooksLikeMakerName(p))))
        {
            return [.. alternatives];
        }

        // Several makers in one cell ("TI; ST").
        foreach (var separator in MakerSeparators)
        {
            if (text.Contains(separator, StringComparison.Ordinal))
            {
                var pieces = text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (pieces.Length > 1 && pieces.All(p => catalog.Recognise(p) is not null || CellText.LooksLikeMakerName(p)))
                {
                    return [.. pieces];
                }
            }
        }

        if (ColumnProfile.LooksLikeMakerAndPart(text, catalog) && !CellText.LooksLikeMakerName(text))
        {
            var (m, p) = SplitMakerAndPart(text);
            if (m is not null && p is not null)
            {
                diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' read as the maker '{m}' and its part number '{p}'.");
                mpn ??= p;
                return [m];
            }
        }

        if (CellText.LooksLikePartNumber(text) || CellText.LooksLikeSpacedPartNumber(text) || CellText.DistributorOfSku(text) is not null)
        {
            if (mpn is not null && catalog.Recognise(mpn) is not null)
            {
                diagnostics.Add(FindingSeverity.Warning, row, header,
                    $"'{text}' in '{header}' is a part number and '{mpn}' in '{mpnHeader}' is a maker: read them swapped in this row.");
                var swapped = mpn;
                mpn = text;
                return [swapped];
            }

            if (CellText.DistributorOfSku(text) is { } skuOf && !CellText.LooksLikePartNumber(mpn))
            {
                diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' is {skuOf}'s stock number, not a maker and not a source.");
                return [];
            }

            diagnostics.Add(FindingSeverity.Info, row, header, mpn is null || SamePart(mpn, text)
                ? $"'{text}' is a part number, not a maker's name: read as the part number."
                : $"'{text}' is a part number, not a maker's name: not counted as a maker.");
            if (mpn is null)
            {
                mpn = text;
            }

            return [];
        }

        if (!CellText.LooksLikeMakerName(text))
        {
            diagnostics.Add(FindingSeverity.Info, row, header, $"'{Shorten(text)}' is not a maker's name (a value, a number, a link or a description): not counted as a maker.");
            return [];
        }

        return [text];
    }

    private string? ReadMpnCell(int row, string? header, string text, List<string> makers)
    {
        if (CellText.LooksLikeUrl(text))
        {
            diagnostics.Add(FindingSeverity.Info, row, header, $"'{Shorten(text)}' is a web address, not a part number.");
            return null;
        }

        if (CellText.DistributorOfSku(text) == "Digi-Key")
        {
            diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' is a Digi-Key stock number, not a manufacturer part number.");
            return null;
        }

        if (makers.Count == 0 && catalog.Recognise(text) is not null)
        {
            diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' is a maker's name, not a part number.");
            makers.Add(text);
            return null;
        }

        // "SMBJ24CA(Brightking)": the maker after the part number.
        if (text.EndsWith(')') && text.LastIndexOf('(') is var open and > 0)
        {
            var inside = text[(open + 1)..^1].Trim();
            var before = text[..open].Trim();
            var insideMaker = catalog.Recognise(inside);
            var sameAsMaker = makers.Count == 1 && insideMaker is not null && catalog.Recognise(makers[0])?.Key == insideMaker.Key;
            if (sameAsMaker || (makers.Count == 0 && insideMaker is not null && CellText.LooksLikePartNumber(before)))
            {
                diagnostics.Add(FindingSeverity.Info, row, header, sameAsMaker
                    ? $"part number '{text}' read as '{before}': the bracket repeats the manufacturer."
                    : $"manufacturer '{inside}' read from the part number '{text}'.");
                if (makers.Count == 0)
                {
                    makers.Add(inside);
                }

                return before;
            }
        }

        if (makers.Count == 0 && ColumnProfile.LooksLikeMakerAndPart(text, catalog))
        {
            var (m, p) = SplitMakerAndPart(text);
            if (m is not null && p is not null && catalog.Recognise(m) is not null)
            {
                diagnostics.Add(FindingSeverity.Info, row, header, $"'{text}' read as the maker '{m}' and its part number '{p}'.");
                makers.Add(m);
                return p;
            }
        }

        return text;
    }

    /// <summary>A cell with maker and part number pairs: "TI LM358DR, ST LM358DT", "On Semiconductor MMBFJ176", "PLACON GB1430A".</summary>
    private IEnumerable<(string? Maker, string? Mpn)> SplitCombined(string cell)
    {
        var entries = new List<string> { cell };
        if (SplitOnOr(cell) is { Length: > 1 } alternatives && Array.TrueForAll(alternatives, p => ColumnProfile.LooksLikeMakerAndPart(p, catalog) || CellText.LooksLikePartNumber(p)))
        {
            entries = [.. alternatives];
        }

        foreach (var separator in entries.Count > 1 ? [] : CombinedSeparators)
        {
            if (!cell.Contains(separator, StringComparison.Ordinal))
            {
                continue;
            }

            var pieces = cell.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (pieces.Length > 1 && pieces.All(p => ColumnProfile.LooksLikeMakerAndPart(p, catalog) || CellText.LooksLikePartNumber(p)))
            {
                entries = [.. pieces];
                break;
            }
        }

        foreach (var entry in entries)
        {
            var (maker, part) = SplitMakerAndPart(entry);
            if (maker is null && part is null)
            {
                continue;
            }

            yield return (maker, part);
        }
    }

    /// <summary>The longest leading words that are a recognised maker, else the words before the last space when they look like a name.</summary>
    private (string? Maker, string? Mpn) SplitMakerAndPart(string entry)
    {
        var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = words.Length - 1; n >= 1; n--)
        {
            var maker = string.Join(' ', words, 0, n);
            if (catalog.Recognise(maker) is not null || catalog.DistributorName(maker) is not null)
            {
                if (catalog.DistributorName(maker) is not null)
                {
                    return (null, null);
                }

                return (maker, string.Join(' ', words, n, words.Length - n));
            }
        }

        var space = entry.LastIndexOf(' ');
        if (space > 0)
        {
            var maker = entry[..space].Trim();
            var part = entry[(space + 1)..].Trim();
            if (CellText.LooksLikePartNumber(part) && CellText.LooksLikeMakerName(maker))
            {
                return (maker, part);
            }
        }

        return (null, entry.Trim());
    }

    /// <summary>Splits a part-number cell into several only when every piece is a part number ("LM358DR, LM358DT"); "BAT54C,215" stays one.</summary>
    private static List<string> SplitPartNumbers(string cell)
    {
        foreach (var separator in ListSeparators)
        {
            if (!cell.Contains(separator, StringComparison.Ordinal))
            {
                continue;
            }

            var pieces = cell.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            // A bare comma splits only pieces that are part numbers of some length ("LM358DR,LM358DT"); "BAT54C,215" and "5E2,T41" stay one.
            if (pieces.Length > 1 && AllPartNumbers(pieces, separator == "," ? 5 : 3))
            {
                return [.. pieces];
            }

            if (separator is ";" or "|" or "\n")
            {
                break;
            }
        }

        // "LM358DR or LM358DT": alternatives written as words.
        if (SplitOnOr(cell) is { Length: > 1 } alternatives && AllPartNumbers(alternatives, 3))
        {
            return [.. alternatives];
        }

        return [cell.Trim()];
    }

    /// <summary>The pieces of a cell that lists alternatives with the word "or" ("TI or ST"), or null when it has none.</summary>
    private static string[]? SplitOnOr(string cell)
    {
        if (cell.IndexOf(" or ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        var pieces = OrWord().Split(cell).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
        return pieces.Length > 1 ? pieces : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+or\s+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OrWord();

    private static bool AllPartNumbers(string[] pieces, int minimum)
    {
        foreach (var p in pieces)
        {
            if (p.Length < minimum || !(CellText.LooksLikePartNumber(p) || CellText.LooksLikeSpacedPartNumber(p)) || !p.AsSpan().ContainsAnyInRange('A', 'Z') && !p.AsSpan().ContainsAnyInRange('a', 'z'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One maker without a part number and one part number without a maker, from different columns: one source.</summary>
    private void JoinOrphans(List<BomSource> sources)
    {
        if (sources.Count >= 2)
        {
            JoinOrphansOf(sources);
        }
    }

    private void JoinOrphansOf(List<BomSource> sources)
    {
        // A maker named again without a part number beside its own source adds nothing.
        sources.RemoveAll(s => s.Mpn.Length == 0 && s.Manufacturer.Length > 0 && sources.Any(o => o.Mpn.Length > 0
            && (s.ManufacturerKey is not null ? o.ManufacturerKey == s.ManufacturerKey : string.Equals(o.Manufacturer, s.Manufacturer, StringComparison.OrdinalIgnoreCase))));
        var makers = sources.Where(s => s.Mpn.Length == 0 && s.Manufacturer.Length > 0).ToList();
        var parts = sources.Where(s => s.Mpn.Length > 0 && s.Manufacturer.Length == 0).ToList();
        if (makers.Count == 1 && parts.Count == 1)
        {
            var at = sources.IndexOf(parts[0]);
            sources[at] = parts[0] with { Manufacturer = makers[0].Manufacturer, ManufacturerKey = catalog.Recognise(makers[0].Manufacturer)?.Key };
            sources.Remove(makers[0]);
        }
    }

    private void Add(List<BomSource> sources, string? maker, string? mpn)
    {
        var recognised = catalog.Recognise(maker);
        var source = new BomSource(maker?.Trim() ?? "", recognised?.Key, mpn?.Trim() ?? "");
        if (source.Mpn.Length == 0 && source.Manufacturer.Length == 0)
        {
            return;
        }

        foreach (var existing in sources)
        {
            if (SamePart(existing.Mpn, source.Mpn) && (existing.ManufacturerKey == source.ManufacturerKey
                && (source.ManufacturerKey is not null || string.Equals(existing.Manufacturer, source.Manufacturer, StringComparison.OrdinalIgnoreCase))))
            {
                return;
            }

            // The same part number listed once with and once without its maker is one source.
            if (SamePart(existing.Mpn, source.Mpn) && source.Mpn.Length > 0 && (existing.Manufacturer.Length == 0 || source.Manufacturer.Length == 0))
            {
                if (existing.Manufacturer.Length == 0)
                {
                    sources[sources.IndexOf(existing)] = source;
                }

                return;
            }
        }

        sources.Add(source);
    }

    /// <summary>
    /// KiCad's 1-click descriptions are "symbol value footprint" ("C N.C. 0805", "R NC 0603"): a not-fitted marker in the value
    /// slot, after a symbol that is the designators' prefix, means the part is not fitted.
    /// </summary>
    private static bool ValueSlotSaysNotFitted(string description, IReadOnlyList<string> designators)
    {
        // KiCad's description "C NC 0805": the designator's prefix, then the value slot saying not fitted.
        if (designators.Count == 0)
        {
            return false;
        }

        var text = description.AsSpan().TrimStart(' ');
        var space = text.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var first = text[..space];
        var rest = text[space..].TrimStart(' ');
        var end = rest.IndexOf(' ');
        var second = end < 0 ? rest : rest[..end];
        var prefixLength = 0;
        while (prefixLength < designators[0].Length && char.IsLetter(designators[0][prefixLength]))
        {
            prefixLength++;
        }

        return second.Length > 0 && prefixLength > 0 && first.Equals(designators[0].AsSpan(0, prefixLength), StringComparison.OrdinalIgnoreCase)
            && CellText.IsDnpMarker(second.ToString());
    }

    private static bool SamePart(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Cell(TableRow row, int? column) => column is { } c ? row.Trimmed(c) : null;

    private static bool TryQuantity(string text, out decimal quantity)
    {
        var t = text.AsSpan().Trim();
        var bracket = t.IndexOfAny('(', '[');
        if (bracket > 0)
        {
            // "1 (optional)": the number, with a remark.
            t = t[..bracket].Trim();
        }

        // "2,5" is a decimal comma when it is the only separator.
        var comma = t.IndexOf(',');
        if (comma >= 0 && t.LastIndexOf(',') == comma && !t.Contains('.'))
        {
            return decimal.TryParse(t.ToString().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out quantity);
        }

        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out quantity);
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    /// <summary>A DNP column: any mark other than a "no" means not fitted.</summary>
    private static bool IsDnpInDnpColumn(string text) =>
        text.Trim().ToLowerInvariant() is not ("no" or "n" or "false" or "0" or "-" or "fitted" or "fit" or "populate" or "populated" or "place" or "mount" or "mounted");

    private static bool IsNotPopulated(string text) =>
        CellText.IsDnpMarker(text) || text.Trim().ToLowerInvariant() is "no" or "n" or "false" or "0" or "-" or "ni" or "not mounted" or "nein" or "non";

    private static bool IsTrue(string text) => text.Trim().ToLowerInvariant() is "yes" or "y" or "x" or "true" or "1" or "critical";

    private static bool IsFalse(string text) => text.Trim().ToLowerInvariant() is "no" or "n" or "false" or "0" or "not critical" or "-";

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
}

/// <summary>The reader's diagnostics, bounded: past a ceiling further messages are counted, and the count reported once.</summary>
internal sealed class Diagnostics(List<BomDiagnostic> list, int ceiling = 10_000)
{
    private int _dropped;

    public List<BomDiagnostic> List => list;

    public void Add(FindingSeverity severity, int? row, string? column, string message)
    {
        if (list.Count < ceiling)
        {
            list.Add(new BomDiagnostic(severity, row, column, message));
        }
        else
        {
            _dropped++;
        }
    }

    public void Finish()
    {
        if (_dropped > 0)
        {
            list.Add(new BomDiagnostic(FindingSeverity.Info, null, null, $"{_dropped.ToString(CultureInfo.InvariantCulture)} more reading notes like the ones above were not listed."));
            _dropped = 0;
        }
    }
}
