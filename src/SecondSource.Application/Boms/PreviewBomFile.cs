using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Boms;

/// <summary>What the reader made of a staged file, shown before the import is confirmed.</summary>
public sealed record BomPreview(string Sha256, string FileName, BomSourceInfo Source, int Lines, IReadOnlyList<BomLine> FirstLines, IReadOnlyList<BomDiagnostic> Diagnostics);

/// <summary>Reads a staged BOM file for the preview: detected columns, the first lines, diagnostics.</summary>
public sealed class PreviewBomFileHandler(ImportStaging staging)
{
    public Result<BomPreview> Handle(string sha, string fileName, BomReadOptions options)
    {
        using var stream = staging.Open(sha);
        if (stream is null)
        {
            return Fail.NotFound("The uploaded file is no longer there; upload it again.");
        }

        try
        {
            var document = BomReader.Open(fileName, stream, options);
            var first = new List<BomLine>();
            var count = 0;
            foreach (var line in document.ReadLines())
            {
                if (first.Count < 20)
                {
                    first.Add(line);
                }

                count++;
            }

            return Result.Ok(new BomPreview(sha, fileName, document.Info, count, first, document.Diagnostics));
        }
        catch (BomFileException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}
