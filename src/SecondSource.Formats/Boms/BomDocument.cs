using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms;

/// <summary>
/// An opened BOM file: what it is (<see cref="Info"/>), its lines read lazily in file order, and the diagnostics
/// gathered so far (complete once the lines have been read).
/// </summary>
public sealed class BomDocument(BomSourceInfo info, List<BomDiagnostic> diagnostics, Func<IEnumerable<BomLine>> lines)
{
    public BomSourceInfo Info { get; } = info;

    public IReadOnlyList<BomDiagnostic> Diagnostics => diagnostics;

    /// <summary>The lines, streamed from the file; enumerate once.</summary>
    public IEnumerable<BomLine> ReadLines() => lines();
}
