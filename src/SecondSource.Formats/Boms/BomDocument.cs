using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms;

/// <summary>
/// An opened BOM file: what it is and how its columns were understood (<see cref="Info"/>), its lines read lazily in file
/// order, the diagnostics gathered so far, and the accounting of every row (both complete once the lines have been read).
/// </summary>
public sealed class BomDocument(BomSourceInfo info, List<BomDiagnostic> diagnostics, Func<IEnumerable<BomLine>> lines, RowAccounting rows)
{
    public BomSourceInfo Info { get; } = info;

    public IReadOnlyList<BomDiagnostic> Diagnostics => diagnostics;

    /// <summary>What each row of the file became; complete after <see cref="ReadLines"/> has been enumerated.</summary>
    public RowAccounting Rows { get; } = rows;

    /// <summary>The lines, streamed from the file; enumerate once.</summary>
    public IEnumerable<BomLine> ReadLines() => lines();
}
