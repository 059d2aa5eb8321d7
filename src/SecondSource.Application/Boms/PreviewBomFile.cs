using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Boms;

/// <summary>
/// What the reader made of a staged file, shown before the import is confirmed: the source (format, every column's role
/// with evidence and samples), the first lines, the row accounting, the makers nobody has confirmed, the diagnostics and
/// the column roles in force (chosen by the user, or reused from a revision of the same layout).
/// </summary>
public sealed record BomPreview(
    string Sha256, string FileName, BomSourceInfo Source, int Lines, IReadOnlyList<BomLine> FirstLines, IReadOnlyList<BomDiagnostic> Diagnostics,
    RowAccounting Rows, IReadOnlyList<UnverifiedMaker> Unverified, ColumnChoices Choices)
{
    /// <summary>Lines with two or more recognised makers (what the audit may count as dual-sourced).</summary>
    public int LinesWithTwoMakers { get; init; }
}

/// <summary>Reads a staged BOM file for the preview, as the import will read it (<see cref="StagedBomReader"/>).</summary>
public sealed class PreviewBomFileHandler(StagedBomReader reader)
{
    private const int FirstLines = 20;

    public Task<Result<BomPreview>> HandleAsync(string sha, string fileName, BomReadOptions options, CancellationToken ct) =>
        reader.ReadAsync(sha, fileName, options, (document, choices) =>
        {
            var first = new List<BomLine>();
            var unverified = new UnverifiedMakers();
            int count = 0, twoMakers = 0;
            foreach (var line in document.ReadLines())
            {
                if (first.Count < FirstLines)
                {
                    first.Add(line);
                }

                unverified.Add(line);

                if (line.DistinctManufacturers >= 2)
                {
                    twoMakers++;
                }

                count++;
            }

            return new BomPreview(sha, fileName, document.Info, count, first, document.Diagnostics, document.Rows,
                unverified.List(), choices)
            {
                LinesWithTwoMakers = twoMakers,
            };
        }, ct);
}
