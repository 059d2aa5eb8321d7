using System.Globalization;
using System.Text;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>What a header's words suggest a column holds, before its content is looked at.</summary>
internal enum HeaderKind
{
    Unknown,
    Ignored,
    LineNumber,
    Designators,
    DesignatorsFreeText,

    /// <summary>"Part", "Identifier": designators in some tools, part numbers in others; content decides.</summary>
    DesignatorsWeak,
    Quantity,
    Manufacturer,

    /// <summary>"Vendor": a maker in some BOMs, a distributor in others; content decides.</summary>
    MakerOrDistributor,
    Mpn,

    /// <summary>"Part Number", "PN", "Part #": a maker's, a distributor's or the company's own number; content decides.</summary>
    MpnGeneric,
    Combined,

    /// <summary>"Alternative", "Alt": another source, as a part number or "maker MPN"; content decides.</summary>
    Alternate,
    Dnp,
    Populate,
    Variant,
    Internal,
    Description,
    Value,
    Footprint,
    Critical,
    DistributorSku,
    DistributorName,
}

/// <summary>A header read as words: the kind it suggests, its source number (Manufacturer 2 → 2), whether it is marked as an alternate, and the words that decided.</summary>
internal sealed record HeaderGuess(HeaderKind Kind, int? Number, bool Alternate, string Why);

/// <summary>
/// Reads a column header as words, in the languages and abbreviations BOMs are written in: "Mfr. Part #", "MFG#",
/// "Manufacturer1 Part Number", "AMPN", "N° de fab.", "Qté.", "Customer Reference". Numbers name the source (1, 2, ...);
/// "Alt", "Alternate" and an A- prefix mark an alternate. Distributor words win over maker words (Supplier Part Number is a
/// distributor's number).
/// </summary>
internal static class HeaderWords
{
    private static readonly HashSet<string> Distributors =
    [
        "digikey", "digi", "dk", "mouser", "lcsc", "jlc", "jlcpcb", "farnell", "newark", "element14", "arrow", "avnet", "octopart", "rs",
        "tme", "supplier", "suppliers", "distributor", "distributors", "sku", "reichelt", "conrad", "distrelec", "futureelectronics",
        "retailer", "cat", "lieferant", "fournisseur", "proveedor",
    ];

    private static readonly HashSet<string> Makers =
    [
        "manufacturer", "manufacture", "manufacturers", "manufactuer", "manufacter", "manuf", "manf", "mfr", "mfg", "mfgr", "mfn", "maker", "make",
        "brand", "fabricant", "fab", "mf", "hersteller", "fabricante", "produttore", "producer",
    ];

    private static readonly HashSet<string> PartWords = ["part", "pn", "p", "no", "nr", "num", "number", "n", "id", "ref", "code", "model", "nummer", "numero", "partnumber"];

    private static readonly HashSet<string> IgnoredWords =
    [
        "price", "prices", "cost", "costs", "total", "subtotal", "stock", "available", "availability", "avail", "backorder", "lead", "leadtime",
        "rohs", "reach", "lifecycle", "datasheet", "datasheets", "link", "links", "url", "href", "notes", "note", "remark", "remarks", "comments",
        "tolerance", "voltage", "power", "temperature", "temp", "sheet", "library", "lib", "libref", "height", "weight", "category", "class",
        "pins", "pads", "type", "revision", "rev", "tariff", "packaging", "moq", "ext", "unit", "purch", "prix", "preis", "currency", "instructions",
        "observation", "ordered", "buy", "spice", "popularity", "thermalloss", "series", "drain", "current", "sub", "source",
    ];

    public static HeaderGuess Classify(string header)
    {
        var words = Words(header);
        if (words.Count == 0)
        {
            return new HeaderGuess(HeaderKind.Unknown, null, false, "no header");
        }

        int? number = null;
        var alternate = false;
        var rest = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (word.Length <= 2 && word.All(char.IsAsciiDigit))
            {
                number ??= int.Parse(word, CultureInfo.InvariantCulture);
                continue;
            }

            if (word is "alt" or "alternate" or "alternative" or "alternatives" or "second" or "2nd" or "backup" or "substitute" or "secondary")
            {
                alternate = true;
                continue;
            }

            // AMPN, AManufacturer, AMfr: an A- prefix for the alternate's columns.
            if (word.Length > 3 && word[0] == 'a' && (word[1..] is "mpn" or "mfr" or "mfg" or "mfn" or "pn" || Makers.Contains(word[1..])))
            {
                alternate = true;
                rest.Add(word[1..]);
                continue;
            }

            rest.Add(word);
        }

        var joined = string.Join(' ', rest);
        var why = $"header '{header.Trim()}'";
        if (rest.Count == 0)
        {
            return alternate ? new HeaderGuess(HeaderKind.Alternate, number, true, why) : new HeaderGuess(HeaderKind.LineNumber, null, false, why);
        }

        HeaderGuess Guess(HeaderKind kind) => new(kind, number, alternate, why);
        var hasMaker = rest.Any(Makers.Contains);
        var hasPart = rest.Any(PartWords.Contains) || rest.Contains("mpn") || rest.Contains("mfp") || rest.Contains("pn");

        if (rest.Any(IgnoredWords.Contains) && !(joined is "bom qty" or "unit qty"))
        {
            return Guess(HeaderKind.Ignored);
        }

        if (rest.Any(Distributors.Contains) && !(rest.Contains("mpn") || hasMaker))
        {
            // "Supplier", "Distributor 1": a name; "Digikey", "Supplier Part Number", "Mouser #": a stock number.
            var nameOnly = rest.All(w => w is "supplier" or "suppliers" or "distributor" or "distributors" or "retailer" or "name" or "lieferant" or "fournisseur" or "proveedor");
            return Guess(nameOnly ? HeaderKind.DistributorName : HeaderKind.DistributorSku);
        }

        switch (joined)
        {
            case "customer reference" or "customer ref" or "cust ref":
                return Guess(HeaderKind.DesignatorsFreeText);
            case "order id" or "order code" or "ordering code" or "order no" or "order number" or "ordering number":
                return Guess(HeaderKind.MpnGeneric);
            case "exclude from bom" or "excl from bom" or "excluded from bom":
                return Guess(HeaderKind.Variant);
            case "exclude from board" or "exclude from sim":
                return Guess(HeaderKind.Ignored);
            case "part" or "identifier" or "parts":
                return Guess(joined == "parts" ? HeaderKind.Designators : HeaderKind.DesignatorsWeak);
            case "vendor" or "vendors" or "vendor name" or "catalog" or "catalogue":
                return Guess(HeaderKind.MakerOrDistributor);
            case "vendor part number" or "vendor pn" or "vendor p n" or "vendor part no" or "vendor no" or "vendor number" or "catalog part number" or "catalog number" or "catalog no":
                return Guess(HeaderKind.MpnGeneric);
            case "status" or "state" or "config" or "configuration" or "variant" or "variants" or "bom variant" or "fitted status":
                return Guess(HeaderKind.Variant);
            case "name" or "part name" or "bom key" or "item code" or "part id" or "stock code" or "article" or "artikel" or "part code"
                or "internal part number" or "internal pn" or "ipn" or "company pn" or "our pn" or "company part number":
                return Guess(HeaderKind.Internal);
            case "item" or "item no" or "line" or "line no" or "index" or "no" or "number" or "n" or "id" or "component" or "pos" or "position no" or "nr" or "lfd nr":
                return Guess(HeaderKind.LineNumber);
            case "comment" or "value" or "val" or "real value" or "wert" or "valeur":
                return Guess(HeaderKind.Value);
            case "critical" or "criticality" or "is critical" or "critical part":
                return Guess(HeaderKind.Critical);
            default:
                break;
        }

        if (rest.Contains("dnp") || rest.Contains("dnf") || rest.Contains("dni") || joined.StartsWith("do not ", StringComparison.Ordinal)
            || joined is "no pop" or "nopop" or "not fitted" or "no stuff" or "nostuff" or "no fit")
        {
            return Guess(HeaderKind.Dnp);
        }

        if (joined is "populate" or "populated" or "fitted" or "fit" or "stuff" or "stuffed" or "assy" or "mount" or "mounted" or "place" or "placed"
            or "install" or "installed" or "on board" or "assembled" or "bestueckt" or "bestuckt" or "populate yes no")
        {
            return Guess(HeaderKind.Populate);
        }

        if (rest.Contains("customer"))
        {
            return Guess(HeaderKind.Ignored);
        }

        if (rest.Any(w => w is "designator" or "designators" or "reference" or "references" or "refs" or "refdes" or "location" or "locations" or "positions"
            or "position") || joined is "ref" or "ref des" or "reference designator" or "reference designators")
        {
            return Guess(HeaderKind.Designators);
        }

        if (rest.Contains("ref") && !hasMaker)
        {
            // "Schematics Ref", "Circuit Ref".
            return Guess(HeaderKind.Designators);
        }

        if (rest.Any(w => w is "qty" or "quantity" or "qnty" or "quan" or "quant" or "count" or "amount" or "usage" or "qte" or "menge" or "anzahl" or "cantidad" or "pcs" or "qté"))
        {
            return Guess(rest.Contains("build") || rest.Contains("order") ? HeaderKind.Ignored : HeaderKind.Quantity);
        }

        if (IsCombined(header))
        {
            return Guess(HeaderKind.Combined);
        }

        if (rest.Contains("mpn") || rest.Contains("mfp") || rest.Contains("mfrpn") || rest.Contains("mfgpn"))
        {
            return Guess(HeaderKind.Mpn);
        }

        if (hasMaker)
        {
            return Guess(hasPart ? HeaderKind.Mpn : HeaderKind.Manufacturer);
        }

        if (joined is "part number" or "part no" or "pn" or "p n" or "part" or "part num" or "partnumber" or "partno" or "part nr" or "teilenummer")
        {
            return Guess(HeaderKind.MpnGeneric);
        }

        if (rest.Any(w => w is "description" or "desc" or "descr" or "designation" or "characteristics" or "beschreibung" or "bezeichnung" or "descripcion"))
        {
            return Guess(HeaderKind.Description);
        }

        if (rest.Any(w => w is "footprint" or "package" or "case" or "pattern" or "gehaeuse" or "gehause" or "boitier"))
        {
            return Guess(HeaderKind.Footprint);
        }

        if (joined.EndsWith("bom key", StringComparison.Ordinal))
        {
            return Guess(HeaderKind.Internal);
        }

        if (rest.Count >= 2 && rest[^1] is "pn" or "p n" or "number" or "no" || joined.EndsWith(" p n", StringComparison.Ordinal) || joined.EndsWith(" part number", StringComparison.Ordinal))
        {
            // "Embest P/N": a company's own part number.
            return Guess(HeaderKind.Internal);
        }

        return Guess(HeaderKind.Unknown);
    }

    /// <summary>"Manufacturer/MPN", "Mfr &amp; MPN", "Manufacturer + Part": a maker word and a part word joined as two things.</summary>
    private static bool IsCombined(string header)
    {
        foreach (var separator in (string[])["/", "&", "+", " and "])
        {
            var at = header.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at <= 0)
            {
                continue;
            }

            var left = Words(header[..at]);
            var right = Words(header[(at + separator.Length)..]);
            if (left.Count > 0 && right.Count > 0 && left.All(Makers.Contains) && (right.Contains("mpn") || right.Contains("part") || right.Contains("pn")) && !right.Any(Makers.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case words of a header: accents removed, "#" and "N°" read as "no", camel case and letter-digit boundaries split.</summary>
    public static List<string> Words(string header)
    {
        var text = header.Replace("N°", " no ", StringComparison.OrdinalIgnoreCase).Replace("n°", " no ", StringComparison.Ordinal)
            .Replace("#", " no ", StringComparison.Ordinal).Replace("№", " no ", StringComparison.Ordinal);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var words = new List<string>();
        var sb = new StringBuilder();
        char previous = ' ';
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                previous = ' ';
                continue;
            }

            var boundary = sb.Length > 0 && ((char.IsLower(previous) && char.IsUpper(c)) || (char.IsDigit(previous) != char.IsDigit(c)));
            if (boundary)
            {
                Flush();
            }

            sb.Append(char.ToLowerInvariant(c));
            previous = c;
        }

        Flush();
        return words;

        void Flush()
        {
            if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
    }
}
