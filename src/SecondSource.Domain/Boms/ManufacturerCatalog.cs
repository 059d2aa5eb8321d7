using System.Globalization;
using System.Text;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Boms;

/// <summary>A manufacturer name reduced to the key two sources are compared by, and the name shown for it.</summary>
public sealed record ManufacturerName(string Key, string DisplayName);

/// <summary>
/// Normalises component manufacturer names so that "TI", "Texas Instruments Inc." and "TEXAS INSTRUMENTS" are one
/// manufacturer: case, accents, punctuation and corporate suffixes are removed, then a table of aliases maps
/// trade names, abbreviations and acquired brands to one key. "Any", "Generic", "AVL" and the like are not
/// manufacturers but markers that any qualified maker will do. The built-in table can be extended from a file.
/// </summary>
public sealed class ManufacturerCatalog
{
    private static readonly string[] CorporateSuffixes =
    [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "lp", "gmbh", "ag",
        "sa", "sas", "bv", "nv", "plc", "kg", "oy", "ab", "as", "spa", "srl", "sro", "kk", "pte", "pty", "group",
        "north america", "america", "americas", "usa", "us", "international", "intl", "holdings", "co kg",
        "sp z o o", "technology", "technologies", "electronic components", "components",
    ];

    private static readonly string[] GenericMarkers =
    [
        "any", "generic", "avl", "any not critical", "not critical", "any approved", "any approved vendor",
        "various", "multiple", "tbd", "n a", "na", "none", "dnp", "dnf", "open",
    ];

    // Alias → canonical display name. Keys are written as people write them; they are normalised on load.
    private static readonly (string Alias, string Canonical)[] BuiltInAliases =
    [
        ("TI", "Texas Instruments"), ("Texas Instruments", "Texas Instruments"), ("Burr-Brown", "Texas Instruments"), ("National Semiconductor", "Texas Instruments"),
        ("ST", "STMicroelectronics"), ("STMicro", "STMicroelectronics"), ("ST Microelectronics", "STMicroelectronics"), ("STMicroelectronics", "STMicroelectronics"),
        ("ON Semi", "onsemi"), ("ON Semiconductor", "onsemi"), ("onsemi", "onsemi"), ("Fairchild", "onsemi"), ("Fairchild Semiconductor", "onsemi"),
        ("Würth", "Würth Elektronik"), ("Wurth", "Würth Elektronik"), ("Wurth Electronics", "Würth Elektronik"), ("Würth Elektronik", "Würth Elektronik"), ("WE", "Würth Elektronik"),
        ("ADI", "Analog Devices"), ("Analog Devices", "Analog Devices"), ("Linear Technology", "Analog Devices"), ("Maxim", "Analog Devices"), ("Maxim Integrated", "Analog Devices"),
        ("NXP", "NXP Semiconductors"), ("NXP Semiconductors", "NXP Semiconductors"), ("Freescale", "NXP Semiconductors"),
        ("Nexperia", "Nexperia"),
        ("Microchip", "Microchip Technology"), ("Microchip Technology", "Microchip Technology"), ("Atmel", "Microchip Technology"), ("Microsemi", "Microchip Technology"),
        ("Infineon", "Infineon Technologies"), ("Infineon Technologies", "Infineon Technologies"), ("Cypress", "Infineon Technologies"), ("Cypress Semiconductor", "Infineon Technologies"), ("International Rectifier", "Infineon Technologies"), ("IR", "Infineon Technologies"),
        ("Renesas", "Renesas Electronics"), ("Renesas Electronics", "Renesas Electronics"), ("Intersil", "Renesas Electronics"), ("IDT", "Renesas Electronics"), ("Dialog Semiconductor", "Renesas Electronics"),
        ("Murata", "Murata"), ("Murata Manufacturing", "Murata"), ("Murata Electronics", "Murata"),
        ("TDK", "TDK"), ("TDK Corporation", "TDK"), ("EPCOS", "TDK"),
        ("Yageo", "YAGEO"), ("Kemet", "KEMET"), ("AVX", "KYOCERA AVX"), ("Kyocera AVX", "KYOCERA AVX"),
        ("Vishay", "Vishay"), ("Vishay Dale", "Vishay"), ("Vishay Siliconix", "Vishay"), ("Vishay Intertechnology", "Vishay"), ("Vishay Semiconductors", "Vishay"),
        ("Samsung", "Samsung Electro-Mechanics"), ("Samsung Electro-Mechanics", "Samsung Electro-Mechanics"), ("SEMCO", "Samsung Electro-Mechanics"),
        ("Taiyo Yuden", "Taiyo Yuden"), ("Panasonic", "Panasonic"), ("Panasonic Electronic Components", "Panasonic"), ("Rohm", "ROHM"), ("Rohm Semiconductor", "ROHM"),
        ("Bourns", "Bourns"), ("Littelfuse", "Littelfuse"), ("Littlefuse", "Littelfuse"), ("Diodes", "Diodes Incorporated"), ("Diodes Inc", "Diodes Incorporated"), ("Diodes Incorporated", "Diodes Incorporated"),
        ("TE", "TE Connectivity"), ("TE Connectivity", "TE Connectivity"), ("Tyco", "TE Connectivity"), ("Tyco Electronics", "TE Connectivity"),
        ("Amphenol", "Amphenol"), ("FCI", "Amphenol"), ("Amphenol FCI", "Amphenol"), ("Amphenol ICC", "Amphenol"),
        ("Molex", "Molex"), ("Hirose", "Hirose Electric"), ("Hirose Electric", "Hirose Electric"), ("JST", "JST"), ("Samtec", "Samtec"),
        ("C&K", "C&K Components"), ("C&K Components", "C&K Components"), ("CK", "C&K Components"),
        ("Lattice", "Lattice Semiconductor"), ("Lattice Semiconductor", "Lattice Semiconductor"), ("Xilinx", "AMD"), ("AMD", "AMD"), ("Altera", "Intel"), ("Intel", "Intel"),
        ("Micron", "Micron Technology"), ("Micron Technology", "Micron Technology"), ("Kingston", "Kingston Technology"), ("Kingston Technology", "Kingston Technology"),
        ("SG Micro", "SG Micro"), ("SGMICRO", "SG Micro"), ("Richtek", "Richtek"), ("MPS", "Monolithic Power Systems"), ("Monolithic Power Systems", "Monolithic Power Systems"),
        ("Foshan NationStar", "NationStar"), ("NationStar", "NationStar"), ("Everlight", "Everlight"), ("Kingbright", "Kingbright"), ("Lite-On", "Lite-On"), ("Liteon", "Lite-On"),
        ("Espressif", "Espressif Systems"), ("Espressif Systems", "Espressif Systems"), ("WCH", "WCH"), ("Nanjing Qinheng", "WCH"), ("Silicon Labs", "Silicon Labs"), ("SiLabs", "Silicon Labs"),
        ("Abracon", "Abracon"), ("Epson", "Epson"), ("Seiko Epson", "Epson"), ("TXC", "TXC"), ("CTS", "CTS"), ("ECS", "ECS Inc."), ("NDK", "NDK"),
        ("Laird", "Laird"), ("Coilcraft", "Coilcraft"), ("Sunlord", "Sunlord"), ("Nichicon", "Nichicon"), ("Rubycon", "Rubycon"), ("Brightking", "Brightking"),
    ];

    private readonly Dictionary<string, ManufacturerName> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _generic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManufacturerName?> _cache = new(StringComparer.Ordinal);

    private ManufacturerCatalog()
    {
        foreach (var marker in GenericMarkers)
        {
            _generic.Add(marker);
        }

        foreach (var (alias, canonical) in BuiltInAliases)
        {
            AddAlias(alias, canonical);
        }
    }

    /// <summary>A catalog with the built-in aliases.</summary>
    public static ManufacturerCatalog CreateDefault() => new();

    /// <summary>Makes <paramref name="alias"/> mean <paramref name="canonical"/> (e.g. "Yageo Corp" = "YAGEO").</summary>
    public void AddAlias(string alias, string canonical)
    {
        var name = Guard.RequiredText(canonical, "Canonical manufacturer name", 200);
        var aliasKey = Clean(Guard.RequiredText(alias, "Manufacturer alias", 200));
        var canonicalKey = Clean(name);
        if (aliasKey.Length == 0 || canonicalKey.Length == 0)
        {
            throw new DomainException($"'{alias} = {canonical}' has no letters or digits left after normalisation.");
        }

        var target = _aliases.TryGetValue(canonicalKey, out var existing) ? existing : new ManufacturerName(canonicalKey, name);
        _aliases[canonicalKey] = target;
        _aliases[aliasKey] = target;
        _cache.Clear();
    }

    /// <summary>
    /// Reads alias lines <c>alias = Canonical Name</c>; blank lines and <c>#</c> comments are skipped.
    /// A bad line is refused with its line number.
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
    public bool IsGeneric(string? written) => !string.IsNullOrWhiteSpace(written) && _generic.Contains(Clean(written));

    /// <summary>The manufacturer a written name stands for; null for empty text and generic markers.</summary>
    public ManufacturerName? Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        if (_cache.TryGetValue(written, out var cached))
        {
            return cached;
        }

        var result = Resolve(written);
        if (_cache.Count < 100_000)
        {
            _cache[written] = result;
        }

        return result;
    }

    /// <summary>True when the catalog knows the name (an alias or a canonical name).</summary>
    public bool IsKnown(string? written) => !string.IsNullOrWhiteSpace(written) && _aliases.ContainsKey(StripSuffixes(Clean(written)));

    private ManufacturerName? Resolve(string written)
    {
        var cleaned = Clean(written);
        if (cleaned.Length == 0 || _generic.Contains(cleaned))
        {
            return null;
        }

        if (_aliases.TryGetValue(cleaned, out var direct))
        {
            return direct;
        }

        var stripped = StripSuffixes(cleaned);
        if (_aliases.TryGetValue(stripped, out var alias))
        {
            return alias;
        }

        return new ManufacturerName(stripped.Length == 0 ? cleaned : stripped, written.Trim());
    }

    private static string StripSuffixes(string cleaned)
    {
        var current = cleaned;
        bool changed;
        do
        {
            changed = false;
            foreach (var suffix in CorporateSuffixes)
            {
                if (current.Length > suffix.Length + 1 && current.EndsWith(" " + suffix, StringComparison.Ordinal))
                {
                    current = current[..^(suffix.Length + 1)];
                    changed = true;
                }
            }
        }
        while (changed);

        return current;
    }

    /// <summary>Lower case, accents removed, every run of non-alphanumerics one space, trimmed.</summary>
    public static string Clean(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
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
}
