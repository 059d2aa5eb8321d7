using System.Globalization;
using System.Text;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Boms;

/// <summary>A manufacturer name reduced to the key two sources are compared by, and the name shown for it.</summary>
public sealed record ManufacturerName(string Key, string DisplayName);

/// <summary>Where a recognised maker is known from.</summary>
public enum MakerOrigin
{
    /// <summary>The catalogue shipped with the product (Boms/Catalogue/manufacturers.txt).</summary>
    Catalogue,

    /// <summary>The user's aliases file (<c>--aliases</c>).</summary>
    AliasesFile,

    /// <summary>The dual-AVL library's component manufacturers and the aliases people recorded there.</summary>
    Library,
}

/// <summary>A written name that is shown to be a component maker: its lineage key, the name shown for it and where it is known from.</summary>
public sealed record RecognisedMaker(string Key, string DisplayName, MakerOrigin Origin);

/// <summary>
/// Which written names are the same component maker. A name counts as a maker only when it is <b>recognised</b>: in the
/// catalogue shipped as data (several hundred makers with abbreviations, trade names, brands and acquisition lineage, each
/// with its source), in the user's aliases file, or in the library. Case, accents, punctuation and corporate suffixes are
/// ignored; a brand or company bought by another is the buyer (Linear Technology and Maxim are Analog Devices). Distributors,
/// "any qualified maker" markers, placeholders and names that fit more than one of today's makers are never recognised.
/// </summary>
public sealed class ManufacturerCatalog
{
    private const string ResourceName = "SecondSource.Domain.Boms.manufacturers.txt";

    private static readonly string[] CorporateSuffixes =
    [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "lp", "gmbh", "ag",
        "sa", "sas", "bv", "nv", "plc", "kg", "oy", "ab", "as", "spa", "srl", "sro", "kk", "pte", "pty", "group",
        "north america", "america", "americas", "usa", "us", "international", "intl", "holdings", "co kg",
        "sp z o o", "co ltd", "elec", "div", "division",
    ];

    private static readonly System.Buffers.SearchValues<char> PlaceholderPunctuation = System.Buffers.SearchValues.Create("-~?.*_/");

    private static readonly string[] SpacedSuffixes = CorporateSuffixes.Select(s => " " + s).ToArray();

    private static readonly Lazy<Tables> BuiltIn = new(LoadBuiltIn);

    private readonly Tables _tables;
    private readonly Dictionary<string, RecognisedMaker> _added = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecognisedMaker?> _cache = new(StringComparer.Ordinal);
    private readonly List<(string Written, RecognisedMaker Maker)> _fromAliasesFile = [];
    private readonly Dictionary<string, string> _cleaned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _distributors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _placeholders = new(StringComparer.Ordinal);

    private ManufacturerCatalog(Tables tables) => _tables = tables;

    /// <summary>A catalog with the shipped catalogue only.</summary>
    public static ManufacturerCatalog CreateDefault() => new(BuiltIn.Value);

    /// <summary>Makers in the shipped catalogue.</summary>
    public static int CatalogueMakers => BuiltIn.Value.MakerCount;

    /// <summary>Names (canonical names and aliases) the shipped catalogue recognises.</summary>
    public static int CatalogueNames => BuiltIn.Value.Aliases.Count;

    /// <summary>Every maker of the shipped catalogue with its written names (for tests and documentation).</summary>
    public static IReadOnlyList<(string Canonical, IReadOnlyList<string> Names)> CatalogueEntries => BuiltIn.Value.Entries;

    /// <summary>Distributor names of the shipped catalogue.</summary>
    public static IReadOnlyList<string> CatalogueDistributors => BuiltIn.Value.DistributorNames;

    /// <summary>Makes <paramref name="alias"/> mean <paramref name="canonical"/> (e.g. "Yageo Corp" = "YAGEO"), as the user's aliases file says.</summary>
    public void AddAlias(string alias, string canonical)
    {
        var maker = Add(alias, canonical, MakerOrigin.AliasesFile, replace: true);
        _fromAliasesFile.RemoveAll(n => StripSuffixes(Clean(n.Written)) == StripSuffixes(Clean(alias)));
        _fromAliasesFile.Add((alias.Trim(), maker));
    }

    /// <summary>
    /// A component manufacturer of the library, under its name and the aliases people recorded for it. A name an aliases
    /// file already gave is left as the file says (the import that used the file records it in the library).
    /// </summary>
    public void AddLibraryMaker(string name, IEnumerable<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        Add(name, name, MakerOrigin.Library, replace: false);
        foreach (var alias in aliases)
        {
            Add(alias, name, MakerOrigin.Library, replace: false);
        }
    }

    /// <summary>The names the user's aliases file gave, as written there, with the maker each one is.</summary>
    public IReadOnlyList<(string Written, RecognisedMaker Maker)> NamesFromAliasesFile => _fromAliasesFile;

    /// <summary>The key a written name is compared under when no catalogue knows it: lower case, no punctuation or corporate suffix.</summary>
    public static string CleanKey(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var cleaned = Clean(written);
        var stripped = StripSuffixes(cleaned);
        return stripped.Length == 0 ? cleaned : stripped;
    }

    /// <summary>
    /// Why a text cannot be confirmed as a component maker (a distributor, a generic or placeholder marker, a DNP marker, a
    /// part number or stock number, a value, a sentence), or null when it has the shape of a company's name.
    /// </summary>
    public string? WhyNotAMaker(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return "it is empty";
        }

        if (Recognise(written) is not null)
        {
            return null;
        }

        if (DistributorName(written) is { } distributor)
        {
            return $"it names {distributor}, a distributor; a distributor is never a source";
        }

        if (IsGeneric(written))
        {
            return "it means \"any qualified maker\", not one maker";
        }

        if (IsPlaceholder(written))
        {
            return "it is a placeholder that names nothing";
        }

        if (CellText.IsDnpMarker(written) || CellText.ContainsDnpWord(written))
        {
            return "it says the part is not fitted (DNP)";
        }

        if (CellText.DistributorOfSku(written) is { } sku)
        {
            return $"it has the shape of a {sku} stock number";
        }

        if (!CellText.LooksLikeMakerName(written))
        {
            return "it does not have the shape of a company's name (a part number, a value, a number, a web address or a sentence)";
        }

        return null;
    }

    /// <summary>
    /// Reads alias lines <c>alias = Canonical Name</c>; blank lines and <c>#</c> comments are skipped. A name that is its
    /// own maker is written <c>Name = Name</c>. A bad line is refused with its line number.
    /// </summary>
    public void AddAliases(IEnumerable<string> lines, string sourceName)
    {
        foreach (var (number, alias, canonical) in KeyValueLines.Parse(lines, sourceName, "alias = Canonical Name"))
        {
            try
            {
                AddAlias(alias, canonical);
            }
            catch (DomainException ex)
            {
                throw new DomainException($"{sourceName}, line {number}: {ex.Message}", ex);
            }
        }
    }

    /// <summary>True when the text says "any qualified maker" (Any, Generic, AVL, "Any/not critical", ...).</summary>
    public bool IsGeneric(string? written) =>
        !string.IsNullOrWhiteSpace(written) && !(_tables.NoDigitsInMarkers && written.AsSpan().ContainsAnyInRange('0', '9')) && _tables.Generic.Contains(CleanMemo(written));

    /// <summary>True when the text names nothing (TBD, N/A, "-", "see schematic", ...).</summary>
    public bool IsPlaceholder(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return false;
        }

        // No placeholder holds a digit: a part number is none (and is not worth remembering).
        if (_tables.NoDigitsInMarkers && written.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        if (_placeholders.TryGetValue(written, out var known))
        {
            return known;
        }

        var result = IsPlaceholderUncached(written);
        if (_placeholders.Count < 20_000)
        {
            _placeholders[written] = result;
        }

        return result;
    }

    private bool IsPlaceholderUncached(string written)
    {
        // The raw text ("-", "?", "x", "N/A"), or a phrase of words ("see schematic"); "-X." is not "x".
        var raw = written.Trim();
        if (_tables.Placeholders.Contains(raw) || raw.AsSpan().IndexOfAnyExcept(PlaceholderPunctuation) < 0)
        {
            return true;
        }

        var cleaned = CleanMemo(written);
        return cleaned.Length >= 3 && _tables.Placeholders.Contains(cleaned);
    }

    /// <summary>The distributor a text names (Digi-Key, Mouser, LCSC, ...), or null.</summary>
    public string? DistributorName(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        if (_distributors.TryGetValue(written, out var known))
        {
            return known;
        }

        var cleaned = Clean(written);
        var name = _tables.Distributors.TryGetValue(cleaned, out var exact) || _tables.Distributors.TryGetValue(StripSuffixes(cleaned), out exact) ? exact : null;
        if (_distributors.Count < 20_000)
        {
            _distributors[written] = name;
        }

        return name;
    }

    /// <summary>Why a name is not one maker when it fits several of today's (Sanyo, Philips, Motorola, ...), or null.</summary>
    public string? Ambiguity(string? written)
    {
        if (string.IsNullOrWhiteSpace(written) || Recognise(written) is not null)
        {
            return null;
        }

        var cleaned = StripSuffixes(Clean(written));
        return _tables.Ambiguous.TryGetValue(cleaned, out var why) ? why : null;
    }

    /// <summary>The maker a written name is shown to be, or null when the name is not recognised.</summary>
    public RecognisedMaker? Recognise(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        if (_cache.TryGetValue(written, out var cached))
        {
            return cached;
        }

        var result = ResolveUncached(written);

        // Part numbers are asked about once each (is this MPN cell a maker's name?): only names are worth keeping.
        if (_cache.Count < 100_000 && (result is not null || !written.AsSpan().ContainsAnyInRange('0', '9')))
        {
            _cache[written] = result;
        }

        return result;
    }

    /// <summary>True when the name is recognised as a maker.</summary>
    public bool IsKnown(string? written) => Recognise(written) is not null;

    /// <summary>
    /// The key a name is stored and compared under: the lineage key of a recognised maker, else the name itself without
    /// case, punctuation and corporate suffixes; null for empty text, generic markers, placeholders and DNP markers.
    /// </summary>
    public ManufacturerName? Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written) || IsGeneric(written) || IsPlaceholder(written) || CellText.IsDnpMarker(written))
        {
            return null;
        }

        if (Recognise(written) is { } maker)
        {
            return new ManufacturerName(maker.Key, maker.DisplayName);
        }

        var cleaned = Clean(written);
        var stripped = StripSuffixes(cleaned);
        return new ManufacturerName(stripped.Length == 0 ? cleaned : stripped, written.Trim());
    }

    private RecognisedMaker? ResolveUncached(string written)
    {
        var cleaned = Clean(written);
        if (cleaned.Length == 0)
        {
            return null;
        }

        // The user's aliases and the library come first: they may settle a name the catalogue finds ambiguous.
        if (Lookup(_added, cleaned) is { } added)
        {
            return added;
        }

        if (_tables.Generic.Contains(cleaned) || _tables.Placeholders.Contains(cleaned) || _tables.Distributors.ContainsKey(cleaned))
        {
            return null;
        }

        if (Lookup(_tables.Aliases, cleaned) is { } known)
        {
            return known;
        }

        var stripped = StripSuffixes(cleaned);
        if (_tables.Ambiguous.ContainsKey(stripped) || _tables.Distributors.ContainsKey(stripped))
        {
            return null;
        }

        // "Microchip Technology / Atmel", "BI Technologies / TT Electronics": one maker only when every name is the same one.
        if (written.Contains('/', StringComparison.Ordinal))
        {
            var parts = written.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts.All(p => Clean(p).Length >= 2))
            {
                var makers = parts.Select(p => Lookup(_added, Clean(p)) ?? Lookup(_tables.Aliases, Clean(p)) ?? Lookup(_tables.Aliases, StripSuffixes(Clean(p)))).ToList();
                var keys = makers.Where(m => m is not null).Select(m => m!.Key).Distinct(StringComparer.Ordinal).ToList();
                if (keys.Count > 1)
                {
                    return null;
                }

                if (keys.Count == 1 && makers.All(m => m is not null))
                {
                    return makers[0];
                }
            }
        }

        // "Omron Electronics Inc-EMC Div", "TE Connectivity AMP Connectors": the longest leading words that name a maker,
        // when the words after them are words (with a digit they are a part number: "Texas Instruments SN74LVC1G07DCKR").
        var tokens = stripped.Split(' ');
        for (var n = Math.Min(tokens.Length - 1, _tables.MaxTokens); n >= 1; n--)
        {
            var prefix = string.Join(' ', tokens, 0, n);
            if (tokens.Skip(n).Any(t => t.Any(char.IsAsciiDigit)))
            {
                continue;
            }

            if (n == 1 && prefix.Length < 3)
            {
                // "TI National Semiconductor": a two-letter name counts only when the words after it name the same maker.
                if ((Lookup(_added, prefix) ?? Lookup(_tables.Aliases, prefix)) is { } shortName
                    && (Lookup(_added, string.Join(' ', tokens.Skip(1))) ?? Lookup(_tables.Aliases, string.Join(' ', tokens.Skip(1))))?.Key == shortName.Key)
                {
                    return shortName;
                }

                continue;
            }

            if ((Lookup(_added, prefix) ?? Lookup(_tables.Aliases, prefix)) is { } byPrefix)
            {
                // A short leading word ("NXP Semicon", "NXP-Philips") counts only when no later word names another maker.
                var rest = tokens.Skip(n).ToList();
                if (prefix.Length >= 4 || rest.All(t => !_tables.Aliases.TryGetValue(t, out var other) || other.Key == byPrefix.Key))
                {
                    return byPrefix;
                }
            }
        }

        return null;
    }

    private static RecognisedMaker? Lookup(Dictionary<string, RecognisedMaker> table, string key)
    {
        if (table.Count == 0)
        {
            return null;
        }

        if (table.TryGetValue(key, out var hit))
        {
            return hit;
        }

        var stripped = StripSuffixes(key);
        return stripped != key && table.TryGetValue(stripped, out hit) ? hit : null;
    }

    private RecognisedMaker Add(string alias, string canonical, MakerOrigin origin, bool replace)
    {
        var name = Guard.RequiredText(canonical, "Canonical manufacturer name", 200);
        var aliasKey = StripSuffixes(Clean(Guard.RequiredText(alias, "Manufacturer alias", 200)));
        var canonicalKey = StripSuffixes(Clean(name));
        if (aliasKey.Length == 0 || canonicalKey.Length == 0)
        {
            throw new DomainException($"'{alias} = {canonical}' has no letters or digits left after normalisation.");
        }

        // A canonical name the catalogue (or an earlier line) knows joins that maker's lineage; otherwise it is a maker of its own.
        var existing = Lookup(_added, canonicalKey) ?? Lookup(_tables.Aliases, canonicalKey);
        var target = existing ?? new RecognisedMaker(canonicalKey, name, origin);
        if (existing is null)
        {
            _added[canonicalKey] = target;
        }

        if (replace || !_added.ContainsKey(aliasKey))
        {
            _added[aliasKey] = target with { Origin = origin };
        }

        _cache.Clear();
        return target with { Origin = origin };
    }

    private static string StripSuffixes(string cleaned)
    {
        var current = cleaned;
        bool changed;
        do
        {
            changed = false;
            if (current.LastIndexOf(' ') < 0)
            {
                break;
            }

            foreach (var suffix in SpacedSuffixes)
            {
                if (current.Length > suffix.Length && current.EndsWith(suffix, StringComparison.Ordinal))
                {
                    current = current[..^suffix.Length];
                    changed = true;
                }
            }
        }
        while (changed);

        return current;
    }

    // The same few names are looked up on every row of a BOM; a text with accents costs a Unicode normalisation.
    private string CleanMemo(string text)
    {
        if (_cleaned.TryGetValue(text, out var cleaned))
        {
            return cleaned;
        }

        cleaned = Clean(text);
        if (_cleaned.Count < 50_000)
        {
            _cleaned[text] = cleaned;
        }

        return cleaned;
    }

    /// <summary>Lower case, accents removed, every run of non-alphanumerics one space, trimmed.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 0x7f)
            {
                ascii = false;
                break;
            }
        }

        var decomposed = ascii ? text : text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (!ascii && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    private sealed class Tables
    {
        public Dictionary<string, RecognisedMaker> Aliases { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Generic { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Placeholders { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>No generic marker or placeholder holds a digit, so a text with one is neither (a fast test for part numbers).</summary>
        public bool NoDigitsInMarkers { get; set; }

        public Dictionary<string, string> Distributors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Ambiguous { get; } = new(StringComparer.Ordinal);

        public List<(string Canonical, IReadOnlyList<string> Names)> Entries { get; } = [];

        public List<string> DistributorNames { get; } = [];

        public int MakerCount { get; set; }

        public int MaxTokens { get; set; } = 1;
    }

    private static Tables LoadBuiltIn()
    {
        using var stream = typeof(ManufacturerCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The manufacturer catalogue {ResourceName} is not embedded in {typeof(ManufacturerCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd().Split('\n'));
    }

    private static Tables Parse(IEnumerable<string> lines)
    {
        var tables = new Tables();
        var section = "";
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            var body = bar >= 0 ? line[..bar] : line;
            switch (section)
            {
                case "makers":
                case "distributors":
                {
                    var eq = body.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new InvalidOperationException($"manufacturers.txt, line {number}: expected 'Name = alias; alias | source'.");
                    }

                    var canonical = body[..eq].Trim();
                    var names = body[(eq + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(canonical).ToList();
                    if (section == "makers")
                    {
                        var maker = new RecognisedMaker(StripSuffixes(Clean(canonical)), canonical, MakerOrigin.Catalogue);
                        foreach (var name in names)
                        {
                            var key = StripSuffixes(Clean(name));
                            if (key.Length == 0)
                            {
                                continue;
                            }

                            if (tables.Aliases.TryGetValue(key, out var other) && other.Key != maker.Key)
                            {
                                throw new InvalidOperationException($"manufacturers.txt, line {number}: '{name}' is already a name of {other.DisplayName}.");
                            }

                            tables.Aliases[key] = maker;
                            tables.MaxTokens = Math.Max(tables.MaxTokens, key.Count(c => c == ' ') + 1);
                        }

                        tables.MakerCount++;
                        tables.Entries.Add((canonical, names));
                    }
                    else
                    {
                        foreach (var name in names)
                        {
                            tables.Distributors[Clean(name)] = canonical;
                        }

                        tables.DistributorNames.Add(canonical);
                    }

                    break;
                }

                case "generic":
                case "placeholders":
                    foreach (var item in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var target = section == "generic" ? tables.Generic : tables.Placeholders;
                        target.Add(Clean(item));
                        target.Add(item.ToLowerInvariant());
                    }

                    break;
                case "ambiguous":
                {
                    var eq = body.IndexOf('=', StringComparison.Ordinal);
                    var name = eq > 0 ? body[..eq].Trim() : body;
                    var why = bar >= 0 ? line[(bar + 3)..].Trim() : "it names more than one maker";
                    tables.Ambiguous[StripSuffixes(Clean(name))] = why;
                    break;
                }

                default:
                    throw new InvalidOperationException($"manufacturers.txt, line {number}: an entry outside a known section ('{section}').");
            }
        }

        // Nothing that is a placeholder or a distributor may also be a maker's name.
        foreach (var key in tables.Generic.Concat(tables.Placeholders).Concat(tables.Distributors.Keys))
        {
            tables.Aliases.Remove(key);
        }

        tables.NoDigitsInMarkers = !tables.Generic.Concat(tables.Placeholders).Any(k => k.AsSpan().ContainsAnyInRange('0', '9'));
        return tables;
    }
}
