using System.Text;

namespace SecondSource.Domain.Boms;

/// <summary>
/// Parses a BOM cell of reference designators into a normalised, de-duplicated list: comma-, semicolon- or
/// space-separated lists, ranges (<c>R1-R4</c>, <c>R1-4</c>, <c>BTN0-6</c>), bracket lists (<c>C[2,9,10-12]</c>,
/// even unbalanced as in <c>R[10-16, R32</c>), upper-cased. What cannot be read is returned as problems, never
/// silently dropped.
/// </summary>
public static class ReferenceDesignators
{
    private static readonly char[] SimpleSeparators = [',', ' ', ';'];

    /// <summary>Longest range expanded; beyond that the range is reported, not expanded.</summary>
    public const int MaxRangeSpan = 10_000;

    /// <summary>The result of parsing one cell.</summary>
    public sealed record Parsed(IReadOnlyList<string> Designators, IReadOnlyList<string> Problems);

    private static readonly Parsed Empty = new([], []);

    public static Parsed Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        if (IsSimpleList(text))
        {
            return ParseSimple(text);
        }

        var designators = new List<string>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cleaned = StripBracketedRemarks(text, problems);
        var i = 0;
        while (i < cleaned.Length)
        {
            if (IsSeparator(cleaned[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < cleaned.Length && !IsSeparator(cleaned[i]) && cleaned[i] != '[')
            {
                i++;
            }

            var token = cleaned[start..i];
            if (i < cleaned.Length && cleaned[i] == '[')
            {
                var close = cleaned.IndexOf(']', i);
                var inner = close < 0 ? cleaned[(i + 1)..] : cleaned[(i + 1)..close];
                ExpandBracket(token, inner, designators, problems, seen);
                i = close < 0 ? cleaned.Length : close + 1;
                continue;
            }

            AddToken(token, designators, problems, seen);
        }

        return new Parsed(designators, problems);
    }

    /// <summary>The leading letters of a designator: <c>U</c> for <c>U12</c>, <c>FID</c> for <c>FID3</c>.</summary>
    public static string Prefix(string designator)
    {
        ArgumentNullException.ThrowIfNull(designator);
        var end = 0;
        while (end < designator.Length && char.IsAsciiLetter(designator[end]))
        {
            end++;
        }

        return designator[..end];
    }

    private static bool IsSeparator(char c) => c is ',' or ';' or ' ' or '\t' or '\r' or '\n' or '，' or '；';

    // Fast path for the common shape "R1,R2, R3" or "C1 C2": letters, digits and plain separators only.
    private static bool IsSimpleList(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ',' or ' ' or ';' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static Parsed ParseSimple(string text)
    {
        var parts = text.Split(SimpleSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && IsPlainDesignator(parts[0]))
        {
            return new Parsed([ToUpper(parts[0])], []);
        }

        var designators = new List<string>(parts.Length);
        List<string>? problems = null;
        HashSet<string>? seen = parts.Length > 8 ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var part in parts)
        {
            if (!IsPlainDesignator(part))
            {
                (problems ??= []).Add($"'{part}' is not a reference designator");
                continue;
            }

            var designator = ToUpper(part);
            var duplicate = seen is not null ? !seen.Add(designator) : designators.Contains(designator);
            if (duplicate)
            {
                (problems ??= []).Add($"{designator} is listed twice");
                continue;
            }

            designators.Add(designator);
        }

        return new Parsed(designators, problems ?? (IReadOnlyList<string>)[]);
    }

    private static string ToUpper(string s)
    {
        foreach (var c in s)
        {
            if (char.IsAsciiLetterLower(c))
            {
                return s.ToUpperInvariant();
            }
        }

        return s;
    }

    /// <summary>Letters first, then letters, digits or underscores: U1, R12A, BTN0, POWER, TP_3.</summary>
    private static bool IsPlainDesignator(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || !char.IsAsciiLetter(token[0]))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string StripBracketedRemarks(string text, List<string> problems)
    {
        if (text.IndexOfAny(['(', '（']) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var depth = 0;
        var remark = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '(' or '（')
            {
                depth++;
                continue;
            }

            if (c is ')' or '）' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    problems.Add($"the remark '({remark.ToString().Trim()})' was ignored");
                    remark.Clear();
                }

                continue;
            }

            if (depth > 0)
            {
                remark.Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }

        if (depth > 0)
        {
            problems.Add($"the remark '({remark.ToString().Trim()}' was ignored");
        }

        return sb.ToString();
    }

    private static void AddToken(string token, List<string> designators, List<string> problems, HashSet<string> seen)
    {
        var dash = token.IndexOf('-', 1);
        if (dash > 0 && TryExpandRange(token, dash, designators, problems, seen))
        {
            return;
        }

        if (!IsPlainDesignator(token))
        {
            problems.Add(token.Contains('?', StringComparison.Ordinal)
                ? $"'{token}' is not annotated (no number)"
                : $"'{token}' is not a reference designator");
            return;
        }

        Add(ToUpper(token), designators, problems, seen);
    }

    private static void Add(string designator, List<string> designators, List<string> problems, HashSet<string> seen)
    {
        if (seen.Add(designator))
        {
            designators.Add(designator);
        }
        else
        {
            problems.Add($"{designator} is listed twice");
        }
    }

    // R1-R4, R1-4, BTN0-6. The prefix of the second part, if any, must be the first's.
    private static bool TryExpandRange(string token, int dash, List<string> designators, List<string> problems, HashSet<string> seen)
    {
        var left = token.AsSpan(0, dash);
        var right = token.AsSpan(dash + 1);
        var prefixLength = 0;
        while (prefixLength < left.Length && char.IsAsciiLetter(left[prefixLength]))
        {
            prefixLength++;
        }

        if (prefixLength == 0 || prefixLength == left.Length || !int.TryParse(left[prefixLength..], out var from))
        {
            return false;
        }

        var prefix = left[..prefixLength].ToString().ToUpperInvariant();
        if (right.Length > prefixLength && right[..prefixLength].Equals(prefix, StringComparison.OrdinalIgnoreCase))
        {
            right = right[prefixLength..];
        }

        if (!int.TryParse(right, out var to))
        {
            return false;
        }

        ExpandNumbers(prefix, from, to, token, designators, problems, seen);
        return true;
    }

    private static void ExpandNumbers(string prefix, int from, int to, string written, List<string> designators, List<string> problems, HashSet<string> seen)
    {
        if (to < from)
        {
            problems.Add($"the range '{written}' runs backwards");
            return;
        }

        if (to - from >= MaxRangeSpan)
        {
            problems.Add($"the range '{written}' spans more than {MaxRangeSpan} designators");
            return;
        }

        for (var n = from; n <= to; n++)
        {
            Add(prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture), designators, problems, seen);
        }
    }

    // C[2,9,10-12] and the unbalanced R[10-16, R32, R17: numbers take the prefix, full designators stand alone.
    private static void ExpandBracket(string prefixToken, string inner, List<string> designators, List<string> problems, HashSet<string> seen)
    {
        var prefix = prefixToken.Trim().ToUpperInvariant();
        if (!IsPlainDesignator(prefix))
        {
            problems.Add($"'{prefixToken}[{inner}]' is not a designator list");
            return;
        }

        foreach (var raw in inner.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var item = raw.Trim();
            if (item == "...")
            {
                continue;
            }

            var dash = item.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(item.AsSpan(0, dash), out var from) && int.TryParse(item.AsSpan(dash + 1), out var to))
            {
                ExpandNumbers(prefix, from, to, $"{prefix}[{item}]", designators, problems, seen);
            }
            else if (int.TryParse(item, out var number))
            {
                Add(prefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture), designators, problems, seen);
            }
            else
            {
                AddToken(item, designators, problems, seen);
            }
        }
    }
}
