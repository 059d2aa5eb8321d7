using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SecondSource.Domain.Boms;

/// <summary>
/// What a BOM cell's text looks like: a part number, a distributor's stock number, a component value, a designator list, a
/// maker's name, a description, a DNP marker. The reader decides columns and sources from these shapes together with the
/// headers, and never counts a text as a maker when it has the shape of something else.
/// </summary>
public static partial class CellText
{
    private static readonly SearchValues<char> PartNumberChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./#+(),:=*~\u2212\u2010\u2011");

    private static readonly char[] DesignatorSeparators = [',', ';', ' ', '\t', '\n', '\r'];

    private static readonly FrozenSet<string> StrongDnp = FrozenSet.Create(StringComparer.Ordinal,
    [
        "dnp", "dnf", "dni", "dnm", "do not populate", "do not place", "do not fit", "do not install", "do not mount", "do not stuff",
        "do not assemble", "do not equip", "not populated", "not fitted", "not placed", "not mounted", "not installed", "not assembled",
        "no stuff", "nostuff", "no pop", "nopop", "no fit", "nofit", "unpopulated", "depopulated", "no load", "not loaded", "not fit",
        "dnp dnf", "dnf dnp", "excluded from bom", "exclude from bom", "not in bom",
    ]);

    // Short markers that mean "not fitted" only when they are the whole cell of a part-number, maker, distributor or value field.
    private static readonly FrozenSet<string> CellOnlyDnp = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["nf", "np", "ni", "nc", "n/c", "n.c.", "n.c", "nm", "n/p", "n/f", "n.f.", "nopop", "no pop", "-dnp-", "(dnp)", "[dnp]"]);

    /// <summary>True when the whole cell says the part is not fitted: DNP, DNF, "do not populate", "not fitted", "no stuff", NC, N/C, NF, ...</summary>
    public static bool IsDnpMarker(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40 || !MayStartDnpMarker(text.AsSpan()))
        {
            return false;
        }

        return StrongDnp.Contains(Words(text)) || CellOnlyDnp.Contains(text.Trim());
    }

    /// <summary>
    /// True when a value or description names a DNP marker among other text: "10k DNP", "DNP_100n", "(DNF)", "do not populate
    /// for rev A". The short markers (NC, NF) do not count here: in free text they mean other things (normally closed).
    /// </summary>
    public static bool ContainsDnpWord(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !MayHoldDnpWord(text))
        {
            return false;
        }

        var words = Words(text);
        if (StrongDnp.Contains(words))
        {
            return true;
        }

        foreach (var token in words.Split(' '))
        {
            if (token is "dnp" or "dnf" or "dni")
            {
                return true;
            }
        }

        return words.Contains("do not populate", StringComparison.Ordinal) || words.Contains("do not fit", StringComparison.Ordinal)
            || words.Contains("do not place", StringComparison.Ordinal) || words.Contains("not fitted", StringComparison.Ordinal);
    }

    /// <summary>True when the text could be a manufacturer part number: one token with a digit (and a letter, or at least five digits).</summary>
    public static bool LooksLikePartNumber(string? text)
    {
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length < 3 || span.Length > 50 || span.ContainsAnyExcept(PartNumberChars))
        {
            return false;
        }

        int letters = 0, digits = 0;
        foreach (var c in span)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
            }
        }

        if (digits == 0 || (letters == 0 && digits < 5) || span[0] is '(' or ',' or '.' or '-' || span[^1] is ',' or '(')
        {
            return false;
        }

        // A value ("10k", "4u7") is no part number; an all-digit number of five or more digits is (Phoenix Contact's 1715190).
        return letters == 0 || (!LooksLikeValue(text) && !LooksLikeUrl(text));
    }

    /// <summary>True when the text is a part number with a maker's packaging suffix after a space ("PTS645SM43SMTR92 LFS", "CMOZ1L8 TR").</summary>
    public static bool LooksLikeSpacedPartNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && LooksLikePartNumber(parts[0]) && parts[1].Length <= 6 && !parts[1].Contains('(', StringComparison.Ordinal);
    }

    /// <summary>A distributor's stock number by its shape (Digi-Key "-ND", LCSC "C" and digits, Mouser "NNN-"), naming the distributor; null otherwise.</summary>
    public static string? DistributorOfSku(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (t.Length > 4 && t.EndsWith("-ND", StringComparison.OrdinalIgnoreCase) && !t.Contains(' ', StringComparison.Ordinal))
        {
            return "Digi-Key";
        }

        if (t.Length > 3 && t[0] == 'C' && char.IsAsciiDigit(t[1]) && LcscSku().IsMatch(t))
        {
            return "LCSC";
        }

        if (t.Length > 6 && char.IsAsciiDigit(t[0]) && char.IsAsciiDigit(t[1]) && MouserSku().IsMatch(t))
        {
            return "Mouser";
        }

        return null;
    }

    /// <summary>True when the text is a number (a quantity): 1, 12, 1.0, 2,5.</summary>
    public static bool LooksLikeQuantity(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 12
        && decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var q) && q >= 0 && q < 10_000_000;

    /// <summary>True for a component value: 10k, 100nF, 4.7uF 16V, 2K2, 4u7, 0R, 1M, 33 pF, 0.1%.</summary>
    public static bool LooksLikeValue(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= 40 && ComponentValue().IsMatch(text.Trim());

    /// <summary>True for a web address.</summary>
    public static bool LooksLikeUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Every form below holds a dot or a colon; most cells hold neither.
        if (text.AsSpan().IndexOfAny('.', ':') < 0)
        {
            return false;
        }

        var t = text.TrimStart();
        return t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || t.Contains(".com/", StringComparison.OrdinalIgnoreCase)
            || t.Contains(".html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when every item of the text is a reference designator (R1, C12, U3A, LED4, C1009_2) or a range of them.</summary>
    public static bool LooksLikeDesignators(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100_000)
        {
            return false;
        }

        var any = false;
        foreach (var item in text.Split(DesignatorSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DesignatorItem().IsMatch(item))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>
    /// True when the text could be a company's name: letters, at most six words, not the shape of a part number, value,
    /// number, web address, DNP marker or sentence. Whether it IS a maker is the catalogue's decision.
    /// </summary>
    public static bool LooksLikeMakerName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.Length < 2 || t.Length > 60 || LooksLikeUrl(t) || LooksLikeValue(t) || LooksLikeQuantity(t) || IsDnpMarker(t) || ContainsDnpWord(t)
            || t.Contains('(', StringComparison.Ordinal) || t.Contains(':', StringComparison.Ordinal) || t.Contains('"', StringComparison.Ordinal)
            || t.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        if (!t.Contains(' ', StringComparison.Ordinal) && LooksLikePartNumber(t))
        {
            return false;
        }

        int letters = 0, digits = 0;
        foreach (var c in t)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
        }

        return letters >= 2 && digits * 3 <= letters && t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6;
    }

    /// <summary>True for free text: four or more words, or a long phrase with spaces.</summary>
    public static bool LooksLikeDescription(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= 4 || (words >= 2 && text.Length > 30);
    }

    // Every DNP word or phrase holds "dn", "no" (not, no stuff, nopop), "pop" (unpopulated) or "excl": a cheap test that
    // spares a description or value without any of them the work of splitting words.
    private static bool MayHoldDnpWord(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = (char)(text[i] | 0x20);
            var next = (char)(text[i + 1] | 0x20);
            if ((c == 'd' && next == 'n') || (c == 'n' && next == 'o') || (c == 'p' && next == 'o') || (c == 'e' && next == 'x'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when the text cannot be a DNP marker: every marker's first letter or digit is d, n, u or e (dnp, not fitted,
    /// unpopulated, excluded from bom). A cheap test that spares the common case, a part number, the work of splitting words.
    /// </summary>
    public static bool MayStartDnpMarker(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return (char)(c | 0x20) is 'd' or 'n' or 'u' or 'e';
            }
        }

        return false;
    }

    /// <summary>Lower-case words of the text, separated by one space (punctuation removed).</summary>
    private static string Words(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && n > 0)
                {
                    buffer[n++] = ' ';
                }

                space = false;
                buffer[n++] = char.IsAscii(c) ? (char)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : char.ToLowerInvariant(c);
            }
            else
            {
                space = true;
            }
        }

        return new string(buffer[..n]);
    }

    [GeneratedRegex(@"^C\d{3,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex LcscSku();

    // Mouser: a two-to-three digit maker prefix, a dash, the maker's number ("595-SN74LVC1G07DCKR", "81-GRM188R71H104KA93D").
    [GeneratedRegex(@"^\d{2,3}-[A-Z0-9][A-Z0-9\-./#+]{3,}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MouserSku();

    [GeneratedRegex(@"^[+-]?\d+([.,]\d+)?\s*([pnuµμmkKMGR]|Ω|[oO]hms?|OHMS?|R)?\s*([FHVAWΩ]|Hz|hz|[oO]hms?|OHM)?\b(\s*[,/ ]\s*[+-]?\d+([.,]\d+)?\s*(%|[kKmM]?[VAWΩ]\b|ppm\b))*\s*%?$|^\d+[RKMkmunpµ]\d+[FHΩ]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentValue();

    [GeneratedRegex(@"^[A-Za-z]{1,5}[0-9]{1,5}[A-Za-z]?(_\d{1,3})?([-–][A-Za-z]{0,5}[0-9]{1,5}[A-Za-z]?)?$|^[A-Za-z]{1,5}\?$", RegexOptions.CultureInvariant)]
    private static partial Regex DesignatorItem();
}
