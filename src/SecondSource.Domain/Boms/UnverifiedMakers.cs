namespace SecondSource.Domain.Boms;

/// <summary>A maker name nobody has confirmed, with the first rows that give it.</summary>
public sealed record UnverifiedMaker(string Name, IReadOnlyList<int> Rows);

/// <summary>
/// The names a BOM gives as makers that no catalogue, aliases file or library recognises, each once (case ignored), with
/// the first rows that give each: what every report, the preview and the revision page list for confirmation. Bounded:
/// past <see cref="MaxNames"/> names the rest are only counted.
/// </summary>
public sealed class UnverifiedMakers
{
    public const int MaxNames = 1_000;
    private const int RowsKept = 6;
    private readonly Dictionary<string, (string Name, List<int> Rows)> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names seen past <see cref="MaxNames"/>, not listed.</summary>
    public int NotListed { get; private set; }

    public int Count => _names.Count;

    public void Add(BomLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var name in line.UnverifiedManufacturers)
        {
            if (_names.TryGetValue(name, out var seen))
            {
                if (seen.Rows.Count < RowsKept && !seen.Rows.Contains(line.Row))
                {
                    seen.Rows.Add(line.Row);
                }
            }
            else if (_names.Count < MaxNames)
            {
                _names[name] = (name, [line.Row]);
            }
            else
            {
                NotListed++;
            }
        }
    }

    /// <summary>The names in alphabetical order, each as first written, with its first rows.</summary>
    public IReadOnlyList<UnverifiedMaker> List() =>
        _names.Values.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Select(n => new UnverifiedMaker(n.Name, n.Rows.ToList())).ToList();

    /// <summary>The tally of a list of lines.</summary>
    public static UnverifiedMakers Of(IEnumerable<BomLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var tally = new UnverifiedMakers();
        foreach (var line in lines)
        {
            tally.Add(line);
        }

        return tally;
    }
}
