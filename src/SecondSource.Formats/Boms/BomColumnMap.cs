using System.Globalization;
using System.Text;

namespace SecondSource.Formats.Boms;

/// <summary>The columns that hold one source: a manufacturer, a part number, or both in one cell.</summary>
internal sealed record SourceColumns(int? Manufacturer, int? Mpn, int? Combined);

/// <summary>
/// Which column holds which field, recognised from header names by synonyms (case and punctuation ignored),
/// with numbered, prefixed and repeated source columns grouped into alternates and distributor columns set
/// aside. <c>--map</c> overrides any choice.
/// </summary>
internal sealed class BomColumnMap
{
    private enum Kind
    {
        Unknown,
        Designators,
        DesignatorsFreeText,
        Quantity,
        Manufacturer,
        MpnExplicit,
        MpnGeneric,
        Combined,
        Dnp,
        Populate,
        Internal,
        Description,
        Value,
        Footprint,
        Critical,
        Distributor,
        Ignored,
    }

    private static readonly Dictionary<string, Kind> Synonyms = BuildSynonyms();

    private static readonly string[] DistributorWords =
        ["supplier", "distributor", "digikey", "mouser", "lcsc", "jlc", "farnell", "newark", "element14", "arrow", "avnet", "octopart", "rscomponents", "rsstock", "sku", "tme", "futureelectronics"];

    private readonly Dictionary<BomField, int> _fields = [];
    private readonly List<string> _notes = [];

    private BomColumnMap(string[] headers) => Headers = headers;

    public string[] Headers { get; }

    public IReadOnlyList<SourceColumns> Sources { get; private set; } = [];

    public IReadOnlyList<int> DistributorColumns { get; private set; } = [];

    /// <summary>The designator column holds free text ("TIME CARD - C3, C4"), as a distributor's customer reference does.</summary>
    public bool DesignatorsInFreeText { get; private set; }

    /// <summary>The DNP column says "populate" (yes = fitted) rather than "do not populate".</summary>
    public bool DnpColumnMeansPopulate { get; private set; }

    /// <summary>What the detector decided that a person should know (a column passed over, a distributor column).</summary>
    public IReadOnlyList<string> Notes => _notes;

    public int? Column(BomField field) => _fields.TryGetValue(field, out var c) ? c : null;

    /// <summary>
    /// How header-like a row is: the number of cells that name a known BOM field, and twice the number that name a
    /// column given with <c>--map</c> (so that a file whose names no synonym knows is found through the map).
    /// </summary>
    public static int Score(IReadOnlyList<string> cells, IReadOnlyDictionary<string, string> map)
    {
        var score = 0;
        var hasKey = false;
        foreach (var cell in cells)
        {
            if (map.Values.Any(v => string.Equals(v.Trim(), cell.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                score += 2;
                hasKey = true;
                continue;
            }

            var (kind, _, _) = Classify(cell);
            if (kind is not (Kind.Unknown or Kind.Ignored))
            {
                score++;
                hasKey |= kind is Kind.Designators or Kind.DesignatorsFreeText or Kind.MpnExplicit or Kind.MpnGeneric or Kind.Combined or Kind.Manufacturer;
            }
        }

        return hasKey ? score : 0;
    }

    public static BomColumnMap Build(string[] headers, IReadOnlyDictionary<string, string> overrides, string file, int headerRow)
    {
        var map = new BomColumnMap(headers);
        var groups = new SortedDictionary<long, (int? Manufacturer, int? Explicit, int? Generic, int? Combined)>();
        var occurrences = new Dictionary<Kind, int>();
        var distributors = new List<int>();
        for (var i = 0; i < headers.Length; i++)
        {
            var (kind, number, alternate) = Classify(headers[i]);
            switch (kind)
            {
                case Kind.Manufacturer or Kind.MpnExplicit or Kind.MpnGeneric or Kind.Combined:
                    var seen = occurrences.GetValueOrDefault(kind);
                    occurrences[kind] = seen + 1;
                    long key = alternate ? 10_000 + (seen * 10L) : number is { } n ? n * 10L : seen == 0 ? 0 : 1_000_000 + seen;
                    if (alternate && number is { } altNumber)
                    {
                        key = 10_000 + (altNumber * 10L);
                    }

                    var group = groups.GetValueOrDefault(key);
                    group = kind switch
                    {
                        Kind.Manufacturer => group with { Manufacturer = group.Manufacturer ?? i },
                        Kind.MpnExplicit => group with { Explicit = group.Explicit ?? i },
                        Kind.MpnGeneric => group with { Generic = group.Generic ?? i },
                        _ => group with { Combined = group.Combined ?? i },
                    };
                    groups[key] = group;
                    break;
                case Kind.Distributor:
                    distributors.Add(i);
                    break;
                case Kind.Designators or Kind.DesignatorsFreeText:
                    if (map._fields.TryAdd(BomField.Designators, i))
                    {
                        map.DesignatorsInFreeText = kind == Kind.DesignatorsFreeText;
                    }

                    break;
                case Kind.Dnp or Kind.Populate:
                    if (map._fields.TryAdd(BomField.Dnp, i))
                    {
                        map.DnpColumnMeansPopulate = kind == Kind.Populate;
                    }

                    break;
                case Kind.Quantity:
                    map._fields.TryAdd(BomField.Quantity, i);
                    break;
                case Kind.Internal:
                    map._fields.TryAdd(BomField.InternalPartNumber, i);
                    break;
                case Kind.Description:
                    map._fields.TryAdd(BomField.Description, i);
                    break;
                case Kind.Value:
                    map._fields.TryAdd(BomField.Value, i);
                    break;
                case Kind.Footprint:
                    map._fields.TryAdd(BomField.Footprint, i);
                    break;
                case Kind.Critical:
                    map._fields.TryAdd(BomField.Critical, i);
                    break;
                default:
                    break;
            }
        }

        var sources = new List<SourceColumns>();
        foreach (var (_, g) in groups)
        {
            int? mpn = g.Explicit ?? g.Generic;
            if (g.Explicit is not null && g.Generic is { } generic)
            {
                // "Part Number" beside "Manufacturer Part Number" is someone's own or a distributor's number.
                map._notes.Add($"Column '{headers[generic]}' is not read as a manufacturer part number: '{headers[g.Explicit.Value]}' is.");
            }

            if (g.Manufacturer is null && g.Explicit is null && g.Combined is null && g.Generic is not null && sources.Count > 0)
            {
                continue;
            }

            sources.Add(new SourceColumns(g.Manufacturer, mpn, g.Combined));
        }

        map.Sources = sources;
        map.DistributorColumns = distributors;
        foreach (var d in distributors)
        {
            map._notes.Add($"Column '{headers[d]}' holds distributor data: never counted as a source.");
        }

        map.ApplyOverrides(overrides, file, headerRow);
        if (map.Column(BomField.Designators) is null && map.Sources.All(s => s.Mpn is null && s.Combined is null))
        {
            throw new BomFileException(file, headerRow, null,
                $"no column for reference designators or part numbers among: {string.Join(", ", headers.Select(h => $"'{h}'"))}. Name them with --map refdes=Column --map mpn=Column.");
        }

        return map;
    }

    /// <summary>Field → column header, for the report: single fields by name, sources as manufacturer, mpn, manufacturer:2...</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, column) in _fields)
        {
            result[FieldName(field)] = Headers[column];
        }

        for (var i = 0; i < Sources.Count; i++)
        {
            var suffix = i == 0 ? "" : $":{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            if (Sources[i].Manufacturer is { } m)
            {
                result["manufacturer" + suffix] = Headers[m];
            }

            if (Sources[i].Mpn is { } p)
            {
                result["mpn" + suffix] = Headers[p];
            }

            if (Sources[i].Combined is { } c)
            {
                result["manufacturer-mpn" + suffix] = Headers[c];
            }
        }

        if (DistributorColumns.Count > 0)
        {
            result["ignored-distributor"] = string.Join(", ", DistributorColumns.Select(d => Headers[d]));
        }

        return result;
    }

    public static string FieldName(BomField field) => field switch
    {
        BomField.Designators => "refdes",
        BomField.ManufacturerAndMpn => "manufacturer-mpn",
        BomField.InternalPartNumber => "internal-part-number",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>Swaps the manufacturer and part-number columns of the first source (content showed they were swapped).</summary>
    public void SwapPrimarySource()
    {
        var first = Sources[0];
        var swapped = new List<SourceColumns>(Sources) { [0] = first with { Manufacturer = first.Mpn, Mpn = first.Manufacturer } };
        Sources = swapped;
    }

    private void ApplyOverrides(IReadOnlyDictionary<string, string> overrides, string file, int headerRow)
    {
        foreach (var (rawField, columnText) in overrides)
        {
            var column = FindColumn(columnText)
                ?? throw new BomFileException(file, headerRow, columnText,
                    $"--map {rawField}={columnText}: there is no such column; the columns are {string.Join(", ", Headers.Select(h => $"'{h}'"))}.");
            var (fieldName, index) = SplitIndex(rawField.Trim().ToLowerInvariant());
            switch (fieldName)
            {
                case "refdes" or "designators" or "designator" or "reference":
                    _fields[BomField.Designators] = column;
                    DesignatorsInFreeText = false;
                    break;
                case "quantity" or "qty":
                    _fields[BomField.Quantity] = column;
                    break;
                case "dnp":
                    _fields[BomField.Dnp] = column;
                    DnpColumnMeansPopulate = false;
                    break;
                case "populate" or "fitted":
                    _fields[BomField.Dnp] = column;
                    DnpColumnMeansPopulate = true;
                    break;
                case "internal-part-number" or "ipn":
                    _fields[BomField.InternalPartNumber] = column;
                    break;
                case "description":
                    _fields[BomField.Description] = column;
                    break;
                case "value":
                    _fields[BomField.Value] = column;
                    break;
                case "footprint" or "package":
                    _fields[BomField.Footprint] = column;
                    break;
                case "critical":
                    _fields[BomField.Critical] = column;
                    break;
                case "manufacturer" or "mpn" or "manufacturer-mpn":
                    var sources = new List<SourceColumns>(Sources);
                    while (sources.Count < index)
                    {
                        sources.Add(new SourceColumns(null, null, null));
                    }

                    var at = index - 1;
                    sources[at] = fieldName switch
                    {
                        "manufacturer" => sources[at] with { Manufacturer = column },
                        "mpn" => sources[at] with { Mpn = column },
                        _ => sources[at] with { Combined = column },
                    };
                    Sources = sources;
                    break;
                default:
                    throw new BomFileException(file, null, null,
                        $"--map {rawField}=…: '{fieldName}' is not a field; use refdes, quantity, manufacturer[:N], mpn[:N], manufacturer-mpn[:N], dnp, populate, internal-part-number, description, value, footprint or critical.");
            }
        }
    }

    private int? FindColumn(string text)
    {
        var wanted = text.Trim();
        if (wanted.StartsWith('#') && int.TryParse(wanted.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= Headers.Length)
        {
            return position - 1;
        }

        for (var i = 0; i < Headers.Length; i++)
        {
            if (string.Equals(Headers[i].Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static (string Field, int Index) SplitIndex(string field)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(field.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? (field[..colon], n)
            : (field, 1);
    }

    /// <summary>The field a header names, its number (Manufacturer 2 → 2) and whether it is marked alternate (Alt MPN).</summary>
    private static (Kind Kind, int? Number, bool Alternate) Classify(string header)
    {
        var key = Normalize(header);
        if (key.Length == 0)
        {
            return (Kind.Unknown, null, false);
        }

        if (DistributorWords.Any(w => key.Contains(w, StringComparison.Ordinal)))
        {
            return (Kind.Distributor, null, false);
        }

        if (key.Contains("lifecycle", StringComparison.Ordinal) || key.Contains("price", StringComparison.Ordinal) || key.Contains("datasheet", StringComparison.Ordinal))
        {
            return (Kind.Ignored, null, false);
        }

        if (key.Contains("bomkey", StringComparison.Ordinal))
        {
            return (Kind.Internal, null, false);
        }

        var alternate = false;
        foreach (var prefix in (string[])["alternative", "alternate", "second", "alt"])
        {
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                alternate = true;
                key = key[prefix.Length..];
                break;
            }
        }

        int? number = null;
        var digits = key.Length;
        while (digits > 0 && char.IsAsciiDigit(key[digits - 1]))
        {
            digits--;
        }

        if (digits > 0 && digits < key.Length && key.Length - digits <= 3)
        {
            number = int.Parse(key.AsSpan(digits), CultureInfo.InvariantCulture);
            key = key[..digits];
        }

        if (Synonyms.TryGetValue(key, out var kind))
        {
            return (kind, number, alternate);
        }

        if (key.Length > 2 && (key.EndsWith("pn", StringComparison.Ordinal) || key.EndsWith("partnumber", StringComparison.Ordinal) || key.EndsWith("partno", StringComparison.Ordinal)))
        {
            // "Embest P/N": a company's own part number.
            return (Kind.Internal, null, false);
        }

        return (Kind.Unknown, null, false);
    }

    private static string Normalize(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, Kind> BuildSynonyms()
    {
        var map = new Dictionary<string, Kind>(StringComparer.Ordinal);
        void Add(Kind kind, params string[] names)
        {
            foreach (var n in names)
            {
                map[n] = kind;
            }
        }

        Add(Kind.Designators, "designator", "designators", "reference", "references", "ref", "refs", "refdes", "refdess", "referencedesignator",
            "referencedesignators", "referencedesignation", "location", "locations", "parts", "partreference", "partreferences", "position", "positions", "refdesignator");
        Add(Kind.DesignatorsFreeText, "customerreference");
        Add(Kind.Quantity, "qty", "quantity", "qnty", "count", "amount", "quantityperpcb", "qtyperpcb", "qtyperboard", "quantityperboard", "qtypcb", "usage");
        Add(Kind.Manufacturer, "manufacturer", "manufacturername", "mfr", "mfg", "mfgname", "mfrname", "maker", "brand", "vendor", "manufacture", "make", "manufacturers", "mfgr");
        Add(Kind.MpnExplicit, "mpn", "manufacturerpartnumber", "manufacturerpn", "manufacturerspartnumber", "mfrpartnumber", "mfrpn", "mfrpart", "mfgpartnumber", "mfgpn",
            "mfgpart", "manufacturepn", "manufacturepartnumber", "manufacturerpartno", "mfrpartno", "mfgpartno", "vendorpartnumber", "vendorpn", "makerpn", "makerpartnumber", "mfgrpartnumber");
        Add(Kind.MpnGeneric, "partnumber", "pn", "partno");
        Add(Kind.Combined, "manufacturermpn", "mfrmpn", "manufacturerandmpn", "mfrandmpn", "makermpn", "mfgmpn");
        Add(Kind.Dnp, "dnp", "dnf", "donotpopulate", "donotplace", "donotfit", "nopop", "nofit", "notfitted", "nostuff");
        Add(Kind.Populate, "populate", "populated", "fitted", "fit", "stuff", "assy", "mount", "mounted", "place", "placed");
        Add(Kind.Internal, "internalpartnumber", "internalpn", "ipn", "partid", "companypartnumber", "companypn", "ourpn", "itemcode", "partcode", "stockcode", "name");
        Add(Kind.Description, "description", "desc", "descr", "partdescription", "itemdescription");
        Add(Kind.Value, "value", "comment", "val");
        Add(Kind.Footprint, "footprint", "package", "pcbfootprint", "packagecase", "case", "footprintname");
        Add(Kind.Critical, "critical", "criticality", "iscritical", "criticalpart");
        Add(Kind.Ignored, "item", "itemno", "line", "linenumber", "index", "no", "number");
        return map;
    }
}
