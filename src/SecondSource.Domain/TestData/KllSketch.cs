using System.Buffers.Binary;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.TestData;

/// <summary>
/// A KLL quantile sketch (Karnin, Lang and Liberty 2016, "Optimal quantile approximation in streams"; the lazy
/// compaction of Liberty's reference implementation): a stack of compactors, level h holding items of weight 2^h with
/// capacity ⌈k·c^depth⌉ + 1 (c = 2/3). When a level is full it is sorted and every other item, from a random offset, moves
/// up a level. Mergeable (levels are concatenated and compacted), so a batch's sketch merges into a quarter's. Rank
/// error is additive, ≈ 1.3 % of n at k = 200 with high probability (research note stats_methods.md §5.3).
/// </summary>
public sealed class KllSketch
{
    public const int DefaultK = 200;
    private const double C = 2.0 / 3.0;
    private const byte Version = 1;
    private readonly List<List<double>> _levels = [];
    private readonly Random _random;
    private int[] _capacities = [];
    private int _size;
    private int _maxSize;

    public KllSketch(int k = DefaultK, int? seed = null)
    {
        if (k is < 8 or > 65_535)
        {
            throw new ArgumentOutOfRangeException(nameof(k), "k must be from 8 to 65535.");
        }

        K = k;
        _random = seed is { } s ? new Random(s) : Random.Shared;
        Grow();
    }

    public int K { get; }

    /// <summary>Values added (the sum of the retained items' weights).</summary>
    public long Count { get; private set; }

    /// <summary>Items retained (the sketch's size).</summary>
    public int Retained => _size;

    public void Add(double value)
    {
        _levels[0].Add(value);
        Count++;
        if (++_size >= _maxSize)
        {
            Compress();
        }
    }

    public void Merge(KllSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        while (_levels.Count < other._levels.Count)
        {
            Grow();
        }

        for (var h = 0; h < other._levels.Count; h++)
        {
            _levels[h].AddRange(other._levels[h]);
        }

        _size = _levels.Sum(l => l.Count);
        Count += other.Count;
        while (_size >= _maxSize)
        {
            Compress();
        }
    }

    /// <summary>The estimated fraction of values ≤ <paramref name="value"/>.</summary>
    public double Cdf(double value)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        long below = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            below += _levels[h].Count(x => x <= value) * (1L << h);
        }

        return (double)below / Count;
    }

    /// <summary>The estimated q-quantile (0 ≤ q ≤ 1): the smallest retained value whose cumulative weight reaches q·n.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var items = Weighted();
        var target = Math.Clamp(q, 0, 1) * Count;
        long cumulative = 0;
        foreach (var (value, weight) in items)
        {
            cumulative += weight;
            if (cumulative >= target)
            {
                return value;
            }
        }

        return items[^1].Value;
    }

    /// <summary>Retained values with their weights, ascending: the sketch's approximation of the distribution.</summary>
    public IReadOnlyList<(double Value, long Weight)> Weighted()
    {
        var items = new List<(double Value, long Weight)>(_size);
        for (var h = 0; h < _levels.Count; h++)
        {
            items.AddRange(_levels[h].Select(x => (x, 1L << h)));
        }

        items.Sort((a, b) => a.Value.CompareTo(b.Value));
        return items;
    }

    /// <summary>Version, k, count, levels, then each level's length and values (little-endian).</summary>
    public byte[] Serialize()
    {
        var bytes = new byte[1 + 2 + 8 + 1 + _levels.Count * 4 + _size * 8];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(1), (ushort)K);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(3), Count);
        bytes[11] = (byte)_levels.Count;
        var at = 12;
        foreach (var level in _levels)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), level.Count);
            at += 4;
            foreach (var value in level)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), value);
                at += 8;
            }
        }

        return bytes;
    }

    public static KllSketch Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || bytes[0] != Version)
        {
            throw new DomainException("The quantile sketch is not in a known encoding.");
        }

        var sketch = new KllSketch(BinaryPrimitives.ReadUInt16LittleEndian(bytes[1..]));
        var count = BinaryPrimitives.ReadInt64LittleEndian(bytes[3..]);
        var levels = bytes[11];
        while (sketch._levels.Count < levels)
        {
            sketch.Grow();
        }

        var at = 12;
        for (var h = 0; h < levels; h++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            at += 4;
            if (length < 0 || at + (long)length * 8 > bytes.Length)
            {
                throw new DomainException("The quantile sketch is truncated.");
            }

            for (var i = 0; i < length; i++)
            {
                sketch._levels[h].Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes[at..]));
                at += 8;
            }
        }

        sketch._size = sketch._levels.Sum(l => l.Count);
        sketch.Count = count;
        return sketch;
    }

    private void Grow()
    {
        _levels.Add(new List<double>(_levels.Count == 0 ? K + 1 : 0));
        _capacities = Enumerable.Range(0, _levels.Count).Select(level => (int)Math.Ceiling(Math.Pow(C, _levels.Count - level - 1) * K) + 1).ToArray();
        _maxSize = _capacities.Sum();
    }

    private void Compress()
    {
        for (var h = 0; h < _levels.Count; h++)
        {
            var level = _levels[h];
            if (level.Count < _capacities[h])
            {
                continue;
            }

            if (h + 1 >= _levels.Count)
            {
                Grow();
            }

            level.Sort();
            var keepLast = level.Count % 2 == 1;
            var last = keepLast ? level[^1] : 0;
            var pairs = level.Count / 2;
            var offset = _random.Next(2);
            var up = _levels[h + 1];
            for (var i = 0; i < pairs; i++)
            {
                up.Add(level[2 * i + offset]);
            }

            level.Clear();
            if (keepLast)
            {
                level.Add(last);
            }

            _size -= pairs;
            return;
        }
    }
}
