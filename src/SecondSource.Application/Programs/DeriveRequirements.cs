using SecondSource.Domain.Programs;
using SecondSource.Formats.Boms;

namespace SecondSource.Application.Programs;

/// <summary>
/// The smallest chip and finest BGA pitch a BOM file names in its footprint, value or description columns, read with
/// the BOM reader (any supported format). Bad files surface as <see cref="BomFileException"/> with their place.
/// </summary>
public sealed class DeriveRequirementsHandler
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Use-case handlers are instances by convention.")]
    public ProductRequirements Handle(string fileName, Stream bom, ProductRequirements current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var document = BomReader.Open(fileName, bom, new BomReadOptions());
        var names = document.ReadLines().Where(l => !l.Dnp).SelectMany(l => new[] { l.Footprint, l.Value, l.Description });
        return current.WithFootprints(names);
    }
}
