using System.Globalization;
using System.Xml;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms;

/// <summary>
/// Reads the BOM and AVL sections of an IPC-2581 file (revisions B and C): <c>Bom/BomItem/RefDes</c> for the
/// lines (<c>populate="false"</c> is DNP), <c>Avl/AvlItem/AvlVmpn</c> (one <c>AvlMpn</c> and one <c>AvlVendor</c>
/// each) for the sources, joined through <c>OEMDesignNumberRef</c>. When the file marks any source
/// <c>qualified="true"</c>, its <c>qualified="false"</c> sources are listed but not counted; a file that marks none
/// (KiCad writes <c>qualified="false"</c> on every source) is taken at its AVL's word that each is a source. Everything else, including the geometry that
/// makes most of a real file and often breaks the schema, is skipped. When the AVL names no source for an item,
/// the part number is taken from the BOM characteristics (as KiCad writes them), and that is said.
/// </summary>
internal static class Ipc2581BomReader
{
    private const long MaxCharacters = 1L << 31;

    private static readonly string[] DistributorNames =
        ["lcsc", "digikey", "digi key", "mouser", "farnell", "newark", "arrow", "avnet", "jlcpcb", "rs components", "tme", "element14"];

    private sealed class Item
    {
        public required string OemDesignNumber { get; init; }

        public int Line { get; init; }

        public string? Quantity { get; init; }

        public string? Description { get; init; }

        public string? InternalPartNumber { get; init; }

        public List<(string Name, bool Populate, string? Package)> RefDes { get; } = [];

        public Dictionary<string, string> Characteristics { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed record Vmpn(string Mpn, string VendorRef, bool? Qualified, bool? Chosen, int? Rank);

    /// <summary>
    /// The work budget of the elements the reader keeps (everything in <c>Ecad</c> is skipped unread): at most
    /// <see cref="BomReadOptions.MaxRows"/> BOM items, as many reference designators and as many AVL entries, and no
    /// kept attribute longer than <see cref="BomReadOptions.MaxCellChars"/>, so memory stays bounded whatever the file.
    /// </summary>
    private sealed class Budget(string file, BomReadOptions options)
    {
        private int _items, _refDes, _vmpns;

        public void Element(XmlReader reader, int line)
        {
            switch (reader.LocalName)
            {
                case "BomItem":
                    Count(ref _items, "BOM items (BomItem)", line);
                    break;
                case "RefDes":
                    Count(ref _refDes, "reference designators (RefDes)", line);
                    break;
                case "AvlVmpn":
                    Count(ref _vmpns, "AVL entries (AvlVmpn)", line);
                    break;
                case "Ecad":
                    return;
                default:
                    break;
            }

            if (!reader.HasAttributes)
            {
                return;
            }

            for (var i = 0; i < reader.AttributeCount; i++)
            {
                var length = reader.GetAttribute(i).Length;
                if (length > options.MaxCellChars)
                {
                    var element = reader.LocalName;
                    reader.MoveToAttribute(i);
                    var attribute = reader.LocalName;
                    reader.MoveToElement();
                    throw new BomFileException(file, line, $"{element}@{attribute}",
                        $"an attribute of {length:N0} characters; more than {options.MaxCellChars:N0} is refused (raise the limit with {options.RaiseHint("max-cell-chars")}).");
                }
            }
        }

        private void Count(ref int count, string what, int line)
        {
            if (++count > options.MaxRows)
            {
                throw new BomFileException(file, line, null,
                    $"more than {options.MaxRows:N0} {what}; a board's BOM has hundreds to a few thousand, so it is refused (raise the limit with {options.RaiseHint("max-rows")}).");
            }
        }
    }

    public static BomDocument Open(string path, Stream stream, BomReadOptions options)
    {
        var file = Path.GetFileName(path);
        var items = new List<Item>();
        var avl = new Dictionary<string, List<Vmpn>>(StringComparer.Ordinal);
        var enterprises = new Dictionary<string, string>(StringComparer.Ordinal);
        string? revision = null;
        var hasAvl = false;
        var budget = new Budget(file, options);
        stream.Position = 0;
        try
        {
            using var reader = SafeXml.Create(stream, MaxCharacters);
            var lineInfo = (IXmlLineInfo)reader;
            Item? item = null;
            string? avlItem = null;
            (string? Mpn, string? Vendor, bool? Qualified, bool? Chosen, int? Rank) vmpn = default;
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        switch (reader.LocalName)
                        {
                            case "BomItem":
                                item = null;
                                break;
                            case "AvlVmpn" when avlItem is not null && vmpn.Mpn is not null:
                                avl[avlItem].Add(new Vmpn(vmpn.Mpn, vmpn.Vendor ?? "", vmpn.Qualified, vmpn.Chosen, vmpn.Rank));
                                vmpn = default;
                                break;
                            case "AvlItem":
                                avlItem = null;
                                break;
                            default:
                                break;
                        }
                    }

                    continue;
                }

                SafeXml.CheckDepth(reader, file);
                budget.Element(reader, lineInfo.LineNumber);
                if (!sawRoot)
                {
                    sawRoot = true;
                    if (reader.LocalName != "IPC-2581")
                    {
                        throw new BomFileException(file, lineInfo.LineNumber, null, $"the XML root element is '{reader.LocalName}', not 'IPC-2581': not an IPC-2581 file.");
                    }

                    revision = reader.GetAttribute("revision");
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Ecad":
                        reader.Skip();
                        break;
                    case "Enterprise" when reader.GetAttribute("id") is { } id:
                        enterprises[id] = reader.GetAttribute("name") ?? id;
                        break;
                    case "BomItem":
                        item = new Item
                        {
                            OemDesignNumber = reader.GetAttribute("OEMDesignNumberRef") ?? "",
                            Line = lineInfo.LineNumber,
                            Quantity = reader.GetAttribute("quantity"),
                            Description = reader.GetAttribute("description"),
                            InternalPartNumber = reader.GetAttribute("internalPartNumber"),
                        };
                        items.Add(item);
                        if (reader.IsEmptyElement)
                        {
                            item = null;
                        }

                        break;
                    case "RefDes" when item is not null && reader.GetAttribute("name") is { } name:
                        item.RefDes.Add((name, !string.Equals(reader.GetAttribute("populate"), "false", StringComparison.OrdinalIgnoreCase), reader.GetAttribute("packageRef")));
                        break;
                    case "Textual" when item is not null:
                        if (reader.GetAttribute("textualCharacteristicName") is { } key && reader.GetAttribute("textualCharacteristicValue") is { } value)
                        {
                            item.Characteristics.TryAdd(key, value);
                        }

                        break;
                    case "Avl":
                        hasAvl = true;
                        break;
                    case "AvlItem" when reader.GetAttribute("OEMDesignNumber") is { } oem:
                        avlItem = oem;
                        avl.TryAdd(oem, []);
                        if (reader.IsEmptyElement)
                        {
                            avlItem = null;
                        }

                        break;
                    case "AvlVmpn" when avlItem is not null:
                        vmpn = (null, null, Bool(reader.GetAttribute("qualified")), Bool(reader.GetAttribute("chosen")), null);
                        break;
                    case "AvlMpn" when avlItem is not null:
                        vmpn.Mpn = reader.GetAttribute("name");
                        vmpn.Rank = int.TryParse(reader.GetAttribute("rank"), NumberStyles.None, CultureInfo.InvariantCulture, out var rank) ? rank : null;
                        break;
                    case "AvlVendor" when avlItem is not null:
                        vmpn.Vendor = reader.GetAttribute("enterpriseRef");
                        break;
                    default:
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Refused(ex, file);
        }

        if (items.Count == 0)
        {
            throw new BomFileException(file, null, null, "the IPC-2581 file has no Bom section with BomItem elements: nothing to audit.");
        }

        var diagnostics = new List<BomDiagnostic>();
        var qualifiedFlagsMeant = avl.Values.Any(list => list.Any(v => v.Qualified == true));
        var lines = BuildLines(items, avl, enterprises, hasAvl, qualifiedFlagsMeant, options.Manufacturers, diagnostics);
        var info = new BomSourceInfo
        {
            File = path,
            Format = BomFileFormat.Ipc2581,
            Encoding = "xml",
            Columns = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["refdes"] = "Bom/BomItem/RefDes@name",
                ["quantity"] = "BomItem@quantity",
                ["dnp"] = "RefDes@populate",
                ["manufacturer"] = "Avl/AvlItem/AvlVmpn/AvlVendor → LogisticHeader/Enterprise@name",
                ["mpn"] = "Avl/AvlItem/AvlVmpn/AvlMpn@name",
                ["revision"] = revision ?? "(none)",
            },
        };
        var rows = new RowAccounting();
        foreach (var item in items)
        {
            rows.Add(item.Line, RowKind.Line, null);
        }

        return new BomDocument(info, diagnostics, () => lines, rows);
    }

    private static List<BomLine> BuildLines(List<Item> items, Dictionary<string, List<Vmpn>> avl, Dictionary<string, string> enterprises, bool hasAvl,
        bool qualifiedFlagsMeant, ManufacturerCatalog catalog, List<BomDiagnostic> diagnostics)
    {
        var lines = new List<BomLine>();
        var fromCharacteristics = 0;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            referenced.Add(item.OemDesignNumber);
            var sources = new List<BomSource>();
            if (avl.TryGetValue(item.OemDesignNumber, out var vmpns))
            {
                foreach (var v in vmpns.OrderByDescending(v => v.Chosen == true).ThenBy(v => v.Rank ?? int.MaxValue))
                {
                    var vendor = enterprises.GetValueOrDefault(v.VendorRef, v.VendorRef);
                    if (DistributorNames.Contains(ManufacturerCatalog.Clean(vendor)) || catalog.DistributorName(vendor) is not null)
                    {
                        diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, item.Line, "AvlVmpn",
                            $"{item.OemDesignNumber}: {vendor} {v.Mpn} is a distributor's part number, not a source."));
                        continue;
                    }

                    if (v.Qualified == false && qualifiedFlagsMeant)
                    {
                        diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, item.Line, "AvlVmpn",
                            $"{item.OemDesignNumber}: {vendor} {v.Mpn} is marked qualified=\"false\": listed in the AVL but not a source."));
                        continue;
                    }

                    sources.Add(new BomSource(vendor, catalog.Recognise(vendor)?.Key, v.Mpn));
                }
            }
            else if (hasAvl)
            {
                diagnostics.Add(new BomDiagnostic(FindingSeverity.Warning, item.Line, "OEMDesignNumberRef",
                    $"BomItem '{item.OemDesignNumber}' has no AvlItem with that OEMDesignNumber."));
            }

            var maker = Characteristic(item, "Manufacturer", "Mfr", "MFG", "Manufacturer Name");
            var generic = catalog.IsGeneric(maker);
            if (maker is not null && (catalog.IsPlaceholder(maker) || catalog.DistributorName(maker) is not null || !CellText.LooksLikeMakerName(maker) && catalog.Recognise(maker) is null))
            {
                maker = null;
            }

            if (sources.Count == 0 && Characteristic(item, "Mpn", "MPN", "Manufacturer Part Number", "MFG_PN", "PART_NUMBER") is { } mpn && !CellText.IsDnpMarker(mpn))
            {
                fromCharacteristics++;
                sources.Add(new BomSource(generic ? "" : maker ?? "", generic ? null : catalog.Recognise(maker)?.Key, mpn.Trim()));
            }

            var dnpCharacteristic = Characteristic(item, "Do_not_populate", "DNP", "dnp", "Do Not Populate")?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "dnp" or "y";

            decimal? quantity = decimal.TryParse(item.Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) ? q : null;
            var populated = item.RefDes.Where(r => r.Populate).ToList();
            var unpopulated = item.RefDes.Where(r => !r.Populate).ToList();
            BomLine Line(IReadOnlyList<(string Name, bool Populate, string? Package)> refs, bool dnp, decimal? qty)
            {
                var parsed = ReferenceDesignators.Parse(string.Join(",", refs.Select(r => r.Name)));
                foreach (var problem in parsed.Problems)
                {
                    diagnostics.Add(new BomDiagnostic(FindingSeverity.Warning, item.Line, "RefDes", problem + "."));
                }

                return new BomLine
                {
                    Row = item.Line,
                    Designators = parsed.Designators,
                    Quantity = qty,
                    Dnp = dnp,
                    InternalPartNumber = item.InternalPartNumber ?? item.OemDesignNumber,
                    Description = item.Description,
                    Value = Characteristic(item, "Value", "VALUE"),
                    Footprint = refs.Select(r => r.Package).FirstOrDefault(p => p is not null),
                    Sources = sources,
                    Generic = generic,
                    CriticalInFile = Characteristic(item, "Critical", "Criticality")?.Trim().ToLowerInvariant() switch
                    {
                        "yes" or "true" or "1" or "critical" => true,
                        "no" or "false" or "0" or "not critical" => false,
                        _ => null,
                    },
                };
            }

            if (populated.Count > 0 && unpopulated.Count > 0)
            {
                lines.Add(Line(populated, false, populated.Count));
                lines.Add(Line(unpopulated, true, unpopulated.Count));
            }
            else
            {
                lines.Add(Line(item.RefDes, (item.RefDes.Count > 0 && populated.Count == 0) || dnpCharacteristic, quantity));
            }
        }

        if (fromCharacteristics > 0)
        {
            diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, null, null, hasAvl
                ? $"the AVL names no source for {fromCharacteristics} item(s); their part numbers were read from the BOM characteristics (Mpn, Manufacturer)."
                : $"the file has no AVL section; part numbers of {fromCharacteristics} item(s) were read from the BOM characteristics (Mpn, Manufacturer)."));
        }

        foreach (var orphan in avl.Keys.Where(k => !referenced.Contains(k)))
        {
            diagnostics.Add(new BomDiagnostic(FindingSeverity.Info, null, "AvlItem", $"AvlItem '{orphan}' is not used by any BomItem."));
        }

        return lines;
    }

    private static string? Characteristic(Item item, params string[] names)
    {
        foreach (var name in names)
        {
            if (item.Characteristics.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) && value != "~")
            {
                return value.Trim();
            }
        }

        return null;
    }

    private static bool? Bool(string? text) => text is null ? null : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1";
}
