using System.Globalization;

namespace SecondSource.Formats.Boms;

/// <summary>What a physical row of a BOM file became.</summary>
public enum RowKind
{
    /// <summary>A BOM line.</summary>
    Line,

    /// <summary>The column names.</summary>
    Header,

    /// <summary>Before the header: a title, the tool's name, a date.</summary>
    Preamble,
    Blank,

    /// <summary>Another source for the line above it (no designators of its own).</summary>
    Continuation,

    /// <summary>A footer or summary: KiBoM's "Component Groups:" block, Subtotal/Total rows.</summary>
    Summary,

    /// <summary>A heading between groups of lines ("Through Hole Items", "## Electronics ##").</summary>
    Heading,

    /// <summary>The column names again, inside the table.</summary>
    RepeatedHeader,

    /// <summary>Text only in columns the audit does not read: not a line.</summary>
    Unread,
}

/// <summary>A run of consecutive rows that became the same thing (rows are 1-based; text lines given when a row spans several).</summary>
public sealed record RowRange(int From, int To, RowKind Kind, string? Note)
{
    public int Count => To - From + 1;

    /// <summary>For a row holding a quoted line break: the text lines it spans.</summary>
    public (int First, int Last)? TextLines { get; init; }

    public static string KindName(RowKind kind) => kind switch
    {
        RowKind.Line => "line",
        RowKind.Header => "header",
        RowKind.Preamble => "preamble",
        RowKind.Blank => "blank",
        RowKind.Continuation => "continuation",
        RowKind.Summary => "summary",
        RowKind.Heading => "heading",
        RowKind.RepeatedHeader => "repeated-header",
        _ => "unread",
    };
}

/// <summary>
/// Every row of the file, accounted for: what it became, in runs of consecutive rows of the same kind. The runs cover
/// rows 1 to <see cref="Total"/> without a gap, which a test checks on every file of the corpus.
/// </summary>
public sealed class RowAccounting
{
    private readonly List<RowRange> _ranges = [];
    private readonly int[] _counts = new int[Enum.GetValues<RowKind>().Length];

    private RowRange? _open;
    private int _openTo;

    /// <summary>The runs, in row order.</summary>
    public IReadOnlyList<RowRange> Ranges
    {
        get
        {
            Close();
            return _ranges;
        }
    }

    /// <summary>The number of rows accounted for.</summary>
    public int Total { get; private set; }

    public int Count(RowKind kind) => _counts[(int)kind];

    public void Add(int row, RowKind kind, string? note = null, int? firstLine = null, int? lastLine = null)
    {
        _counts[(int)kind]++;
        Total++;
        var spans = firstLine is { } f && lastLine is { } l && l > f ? (f, l) : ((int, int)?)null;

        // The run being built is extended in place (a file of a million lines makes one run, not a million records); a run
        // closed because someone read the ranges midway is opened again.
        if (_open is null && spans is null && _ranges.Count > 0 && _ranges[^1] is { TextLines: null } last && last.Kind == kind && last.To == row - 1 && last.Note == note)
        {
            _ranges.RemoveAt(_ranges.Count - 1);
            _open = last;
            _openTo = last.To;
        }

        if (_open is { } open && spans is null && open.Kind == kind && _openTo == row - 1 && open.Note == note && open.TextLines is null)
        {
            _openTo = row;
            return;
        }

        Close();
        _open = new RowRange(row, row, kind, note) { TextLines = spans };
        _openTo = row;
    }

    private void Close()
    {
        if (_open is { } open)
        {
            _ranges.Add(open.To == _openTo ? open : open with { To = _openTo });
            _open = null;
        }
    }

    /// <summary>One line for people: "rows read 65: 57 lines, 1 header, 5 preamble, 2 blank".</summary>
    public string Summary()
    {
        var parts = new List<string>();
        foreach (var kind in Enum.GetValues<RowKind>())
        {
            var n = _counts[(int)kind];
            if (n == 0)
            {
                continue;
            }

            var name = kind switch
            {
                RowKind.Line => n == 1 ? "line" : "lines",
                RowKind.Continuation => n == 1 ? "continuation (another source for the line above)" : "continuations (other sources for the line above)",
                RowKind.Summary => "summary/footer",
                RowKind.Heading => n == 1 ? "heading" : "headings",
                RowKind.RepeatedHeader => "repeated header",
                RowKind.Unread => "with text only in unread columns",
                _ => RowRange.KindName(kind),
            };
            parts.Add($"{n.ToString(CultureInfo.InvariantCulture)} {name}");
        }

        return $"rows read {Total.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", parts)}";
    }
}
