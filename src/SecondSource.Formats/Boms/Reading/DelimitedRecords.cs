using System.Text;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>
/// Splits delimited text into rows. The rules follow what people mean, not what a lenient parser would do:
/// <list type="bullet">
/// <item>a double quote opens a quoted field only as the field's first character; inside a field it is a character
/// (<c>HEADER 16PS.1"</c> is an inch sign);</item>
/// <item>tab-separated text has no quoting across lines: a field that starts with a quote is quoted only when its closing
/// quote ends it on the same line (as spreadsheets save a field holding a tab); any other quote is a character;</item>
/// <item>a quoted field may hold line breaks, but a row that spans lines is kept only when it has the table's shape (the
/// header's number of cells, or the usual number); otherwise its first line is read again with the quote taken literally,
/// and the row is named in a diagnostic.</item>
/// </list>
/// </summary>
internal sealed class DelimitedRecords(TextLines lines, char delimiter, bool multiLine, int maxRecordChars)
{
    private const int MaxLinesInQuotedField = 200;

    private readonly Dictionary<int, int> _fieldCounts = [];
    private readonly List<(string Text, int Number)> _consumed = [];
    private readonly List<int> _bounds = new(64);
    private readonly List<string?> _made = new(32);
    private int _row;

    /// <summary>The header's number of cells, once the header is known: multi-line rows must match it or the usual count.</summary>
    public int? ExpectedCells { get; set; }

    /// <summary>Rows that were read again with their quote taken literally, with the line that held the stray quote.</summary>
    public List<(int Row, int Line, string Text)> StrayQuotes { get; } = [];

    public bool TryRead(out TableRow row)
    {
        _consumed.Clear();
        if (!lines.TryRead(out var first, out var firstNumber))
        {
            row = null!;
            return false;
        }

        _consumed.Add((first, firstNumber));
        var text = first;
        var reread = false;
        while (true)
        {
            var complete = Split(text, literalUnclosedQuotes: !multiLine);
            if (complete)
            {
                if (_consumed.Count == 1 || HasTableShape(_bounds.Count / 2))
                {
                    break;
                }

                Reread(first, firstNumber);
                text = first;
                reread = true;
                break;
            }

            if (_consumed.Count >= MaxLinesInQuotedField || text.Length > maxRecordChars || !lines.TryRead(out var next, out var nextNumber))
            {
                Reread(first, firstNumber);
                text = first;
                reread = true;
                break;
            }

            _consumed.Add((next, nextNumber));
            text = text + "\n" + next;
        }

        _row++;
        var count = _bounds.Count / 2;
        _fieldCounts[count] = _fieldCounts.GetValueOrDefault(count) + 1;
        var bounds = _bounds.ToArray();
        var made = new string?[count];
        for (var i = 0; i < count; i++)
        {
            made[i] = _made[i];
        }

        var lastLine = reread ? firstNumber : _consumed[^1].Number;
        row = TableRow.OfText(_row, firstNumber, lastLine, text, bounds, made, count, reread);
        return true;
    }

    private void Reread(string first, int firstNumber)
    {
        // The quote did not open a field that ends where the table's shape says: take it as a character, read the first line
        // alone, and read the lines after it again as rows of their own.
        Split(first, literalUnclosedQuotes: true);
        StrayQuotes.Add((_row + 1, firstNumber, first));
        if (_consumed.Count > 1)
        {
            lines.PushBack(_consumed.GetRange(1, _consumed.Count - 1));
        }

        _consumed.RemoveRange(1, _consumed.Count - 1);
    }

    private bool HasTableShape(int count)
    {
        if (ExpectedCells is { } expected && (count == expected || (count == expected + 1)))
        {
            return true;
        }

        var usual = _fieldCounts.Count == 0 ? (int?)null : _fieldCounts.MaxBy(kv => kv.Value).Key;
        return usual == count;
    }

    /// <summary>Splits the text into fields; false when a quoted field is still open at the end (more lines needed).</summary>
    private bool Split(string text, bool literalUnclosedQuotes)
    {
        _bounds.Clear();
        _made.Clear();
        var pos = 0;
        var length = text.Length;
        while (true)
        {
            var fieldStart = pos;
            var firstNonSpace = pos;
            while (firstNonSpace < length && text[firstNonSpace] == ' ')
            {
                firstNonSpace++;
            }

            if (firstNonSpace < length && text[firstNonSpace] == '"')
            {
                var result = QuotedField(text, firstNonSpace, literalUnclosedQuotes, out var end, out var value);
                if (result == QuotedResult.Open)
                {
                    return false;
                }

                if (result == QuotedResult.Literal)
                {
                    // Unclosed on this line: the quote is a character of an unquoted field.
                    var delim = text.IndexOf(delimiter, fieldStart);
                    var stop = delim < 0 ? length : delim;
                    AddField(fieldStart, stop, null);
                    if (delim < 0)
                    {
                        return true;
                    }

                    pos = delim + 1;
                    continue;
                }

                AddField(fieldStart, end, value);
                if (end >= length)
                {
                    return true;
                }

                pos = end + 1;
                continue;
            }

            var next = text.IndexOf(delimiter, pos);
            if (next < 0)
            {
                AddField(fieldStart, length, null);
                return true;
            }

            AddField(fieldStart, next, null);
            pos = next + 1;
        }
    }

    private enum QuotedResult
    {
        Closed,
        Open,
        Literal,
    }

    /// <summary>Reads a quoted field from its opening quote; <paramref name="end"/> is the index of the delimiter after it (or the text's end).</summary>
    private QuotedResult QuotedField(string text, int quote, bool literalUnclosed, out int end, out string value)
    {
        // The common case, "U1,U2,U3": the next quote closes the field and the delimiter (or the line's end) follows it.
        var first = text.IndexOf('"', quote + 1);
        if (first > 0 && (first + 1 == text.Length || text[first + 1] == delimiter)
            && (!literalUnclosed || text.IndexOf('\n', quote, first - quote) < 0))
        {
            end = first + 1;
            value = text.Substring(quote + 1, first - quote - 1);
            return QuotedResult.Closed;
        }

        var sb = new StringBuilder();
        var i = quote + 1;
        while (true)
        {
            var close = text.IndexOf('"', i);
            if (close < 0)
            {
                end = text.Length;
                value = "";
                return literalUnclosed ? QuotedResult.Literal : QuotedResult.Open;
            }

            if (literalUnclosed && text.IndexOf('\n', quote, close - quote) >= 0)
            {
                end = text.Length;
                value = "";
                return QuotedResult.Literal;
            }

            sb.Append(text, i, close - i);
            if (close + 1 < text.Length && text[close + 1] == '"')
            {
                sb.Append('"');
                i = close + 2;
                continue;
            }

            // The closing quote. Read strictly (tab-separated text, or a line read again) it must end the field; read leniently,
            // anything after it up to the delimiter is kept ("abc"def).
            if (literalUnclosed && close + 1 < text.Length && text[close + 1] != delimiter && text.AsSpan(close + 1).TrimStart(' ').Length > 0
                && text.AsSpan(close + 1).TrimStart(' ')[0] != delimiter)
            {
                end = text.Length;
                value = "";
                return QuotedResult.Literal;
            }

            var delim = text.IndexOf(delimiter, close + 1);
            var stop = delim < 0 ? text.Length : delim;
            if (stop > close + 1)
            {
                sb.Append(text, close + 1, stop - close - 1);
            }

            end = stop;
            value = sb.ToString();
            return QuotedResult.Closed;
        }
    }

    private void AddField(int start, int end, string? value)
    {
        _bounds.Add(start);
        _bounds.Add(end);
        _made.Add(value);
    }
}
