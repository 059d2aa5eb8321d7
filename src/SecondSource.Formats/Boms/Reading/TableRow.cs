namespace SecondSource.Formats.Boms.Reading;

/// <summary>
/// One physical row of a table: its number as the user sees it (the CSV record, the sheet row, the text line), the text
/// lines it spans, and its cells. Delimited rows keep their line and the field boundaries and make a cell's string only
/// when it is asked for, so that a million-line file costs the columns the audit reads, not all of them.
/// </summary>
internal sealed class TableRow
{
    private readonly string? _text;
    private readonly int[]? _bounds;
    private readonly string?[] _cells;

    private TableRow(int row, int firstLine, int lastLine, string? text, int[]? bounds, string?[] cells, int count)
    {
        Row = row;
        FirstLine = firstLine;
        LastLine = lastLine;
        _text = text;
        _bounds = bounds;
        _cells = cells;
        Count = count;
    }

    /// <summary>The row number shown to people: a CSV record number, a sheet row, a text line (1-based).</summary>
    public int Row { get; }

    /// <summary>The first text line of the row (the sheet row for workbooks).</summary>
    public int FirstLine { get; }

    /// <summary>The last text line of the row: more than <see cref="FirstLine"/> when a quoted cell holds line breaks.</summary>
    public int LastLine { get; }

    /// <summary>How many cells the row has.</summary>
    public int Count { get; }

    /// <summary>The row was read a second time with its quotes taken literally (a stray quote, see the diagnostics).</summary>
    public bool Reread { get; init; }

    /// <summary>A row whose cells are already strings (a sheet row, a fixed-width line).</summary>
    public static TableRow OfCells(int row, int firstLine, int lastLine, string?[] cells) => new(row, firstLine, lastLine, null, null, cells, cells.Length);

    /// <summary>
    /// A delimited row over <paramref name="text"/>: <paramref name="bounds"/> holds each field's start and end; a field whose
    /// text needs unescaping is given ready in <paramref name="made"/> (null elsewhere).
    /// </summary>
    public static TableRow OfText(int row, int firstLine, int lastLine, string text, int[] bounds, string?[] made, int count, bool reread = false)
    {
        // A cell is made once its string is in the array (quoted cells arrive made; the rest are cut from the text on demand).
        return new TableRow(row, firstLine, lastLine, text, bounds, made, count) { Reread = reread };
    }

    /// <summary>The cell's text as written (null beyond the row's last cell).</summary>
    public string? Cell(int column)
    {
        if ((uint)column >= (uint)Count)
        {
            return null;
        }

        if (_bounds is null)
        {
            return _cells[column];
        }

        if (_cells[column] is null)
        {
            var start = _bounds[column * 2];
            var end = _bounds[(column * 2) + 1];
            _cells[column] = start == end ? "" : _text!.Substring(start, end - start);
        }

        return _cells[column];
    }

    /// <summary>The length of the cell's text as written (0 beyond the row's last cell), without making a string of it.</summary>
    public int CellLength(int column)
    {
        if ((uint)column >= (uint)Count)
        {
            return 0;
        }

        return _bounds is not null && _cells[column] is null ? _bounds[(column * 2) + 1] - _bounds[column * 2] : _cells[column]?.Length ?? 0;
    }

    /// <summary>True when the cell's text, trimmed, is <paramref name="text"/> (case ignored), without making a string of the cell.</summary>
    public bool CellEquals(int column, string text)
    {
        if ((uint)column >= (uint)Count)
        {
            return false;
        }

        var cell = _bounds is not null && _cells[column] is null
            ? _text.AsSpan(_bounds[column * 2], _bounds[(column * 2) + 1] - _bounds[column * 2])
            : _cells[column].AsSpan();
        return cell.Trim().Equals(text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// False when the cell cannot be a DNP marker (<see cref="Domain.Boms.CellText.IsDnpMarker"/>): empty, longer than a marker,
    /// or its first letter or digit is not one a marker starts with. Decided on the text in place.
    /// </summary>
    public bool MayBeDnpMarker(int column)
    {
        if ((uint)column >= (uint)Count)
        {
            return false;
        }

        var cell = _bounds is not null && _cells[column] is null
            ? _text.AsSpan(_bounds[column * 2], _bounds[(column * 2) + 1] - _bounds[column * 2])
            : _cells[column].AsSpan();
        return !cell.IsEmpty && cell.Length <= 40 && Domain.Boms.CellText.MayStartDnpMarker(cell);
    }

    /// <summary>True when the cell holds anything but spaces.</summary>
    public bool HasText(int column)
    {
        if ((uint)column >= (uint)Count)
        {
            return false;
        }

        if (_bounds is not null && _cells[column] is null)
        {
            return !_text.AsSpan(_bounds[column * 2], _bounds[(column * 2) + 1] - _bounds[column * 2]).IsWhiteSpace();
        }

        return !string.IsNullOrWhiteSpace(_cells[column]);
    }

    /// <summary>The trimmed cell, or null when it is empty.</summary>
    public string? Trimmed(int column)
    {
        if (!HasText(column))
        {
            return null;
        }

        return Cell(column)!.Trim();
    }

    /// <summary>True when no cell holds anything.</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (HasText(i))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The number of cells with text.</summary>
    public int FilledCells
    {
        get
        {
            var n = 0;
            for (var i = 0; i < Count; i++)
            {
                if (HasText(i))
                {
                    n++;
                }
            }

            return n;
        }
    }
}
