namespace SecondSource.Domain.Boms;

/// <summary>
/// The row each reference designator was first seen on, for duplicate detection over BOMs of any size. Designators
/// of the usual shape (letters, then a number without leading zeros) are kept per prefix in a dense array indexed by
/// the number: four bytes a designator and no object references, so the garbage collector never scans it. Sparse
/// numbers and unusual designators go to an ordinary dictionary.
/// </summary>
internal sealed class DesignatorIndex
{
    private const int MaxDenseNumber = 1 << 24;

    private readonly Dictionary<string, int[]> _dense = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _denseByPrefix;
    private readonly Dictionary<string, int> _other = new(StringComparer.Ordinal);

    public DesignatorIndex() => _denseByPrefix = _dense.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Records <paramref name="row"/> for the designator; returns the row it was first seen on, if it was seen before.</summary>
    public int? FirstRow(string designator, int row)
    {
        if (TrySplit(designator, out var prefix, out var number))
        {
            if (!_denseByPrefix.TryGetValue(prefix, out var rows))
            {
                rows = new int[Math.Max(64, number + 1)];
                if (rows.Length <= 4096 || number < MaxDenseNumber / 16)
                {
                    _denseByPrefix[prefix] = rows;
                }
                else
                {
                    rows = [];
                }
            }

            if (number < rows.Length || TryGrow(prefix, ref rows, number))
            {
                var first = rows[number];
                if (first != 0)
                {
                    return first;
                }

                rows[number] = row;
                return null;
            }
        }

        return _other.TryAdd(designator, row) ? null : _other[designator];
    }

    // Grows a prefix's array when the number is within reach (at most twice the size, or a small absolute step);
    // a far-off number stays in the dictionary so one "R9999999" does not allocate megabytes.
    private bool TryGrow(ReadOnlySpan<char> prefix, ref int[] rows, int number)
    {
        if (rows.Length == 0 || number >= MaxDenseNumber || number > Math.Max(rows.Length * 2, rows.Length + 4096))
        {
            return false;
        }

        var grown = new int[Math.Min(MaxDenseNumber, Math.Max(number + 1, rows.Length * 2))];
        rows.CopyTo(grown, 0);
        rows = grown;
        _denseByPrefix[prefix] = grown;
        return true;
    }

    /// <summary>Letters A-Z then a number 0..2^24-1 written without leading zeros (R1, FID12, U0); anything else is false.</summary>
    internal static bool TrySplit(string designator, out ReadOnlySpan<char> prefix, out int number)
    {
        prefix = default;
        number = 0;
        var i = 0;
        while (i < designator.Length && designator[i] is >= 'A' and <= 'Z')
        {
            i++;
        }

        var digits = designator.Length - i;
        if (i == 0 || digits == 0 || digits > 8 || (designator[i] == '0' && digits > 1))
        {
            return false;
        }

        var value = 0;
        for (var j = i; j < designator.Length; j++)
        {
            var c = designator[j];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (value >= MaxDenseNumber)
        {
            return false;
        }

        prefix = designator.AsSpan(0, i);
        number = value;
        return true;
    }
}
