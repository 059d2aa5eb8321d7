using System.Globalization;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Boms;

/// <summary>
/// A BOM of a product as imported from one file: its lines, the file's name and SHA-256 (the same file twice is
/// one revision), how it was read, who imported it and when.
/// </summary>
public sealed class BomRevision
{
    private readonly List<BomRevisionLine> _lines = [];

    private BomRevision(Guid id, Guid productId, string label, string fileName, string sha256, string format, DateTimeOffset importedAt, string importedBy)
    {
        Id = id;
        ProductId = productId;
        Label = label;
        FileName = fileName;
        Sha256 = sha256;
        Format = format;
        ImportedAt = importedAt;
        ImportedBy = importedBy;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The revision as people name it (Rev C, 2026-11 build).</summary>
    public string Label { get; private set; }

    public string FileName { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the imported file.</summary>
    public string Sha256 { get; private set; }

    public string Format { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; }

    public IReadOnlyList<BomRevisionLine> Lines => _lines;

    public static BomRevision Import(Guid productId, string label, string fileName, string sha256, string format, IEnumerable<BomLine> lines, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException("The file hash must be 64 lower-case hex digits.");
        }

        var revision = new BomRevision(Guid.CreateVersion7(), productId, Guard.RequiredText(label, "Revision label", 100), Guard.RequiredText(fileName, "File name", 260),
            sha256, Guard.RequiredText(format, "Format", 20), Guard.Utc(at, "Import time"), Guard.RequiredText(by, "Imported by", 256));
        var position = 0;
        foreach (var line in lines)
        {
            revision._lines.Add(BomRevisionLine.From(revision.Id, position++, line));
        }

        return revision;
    }
}

/// <summary>One stored BOM line; <see cref="ToBomLine"/> gives it back to the audit.</summary>
public sealed class BomRevisionLine
{
    private readonly List<BomRevisionSource> _sources = [];

    private BomRevisionLine(Guid id, Guid revisionId, int position)
    {
        Id = id;
        RevisionId = revisionId;
        Position = position;
    }

    public Guid Id { get; private set; }

    public Guid RevisionId { get; private set; }

    public int Position { get; private set; }

    public int Row { get; private set; }

    /// <summary>The designators, comma-separated.</summary>
    public string Designators { get; private set; } = "";

    public decimal? Quantity { get; private set; }

    public bool Dnp { get; private set; }

    public string? InternalPartNumber { get; private set; }

    public string? Description { get; private set; }

    public string? Value { get; private set; }

    public string? Footprint { get; private set; }

    public bool Generic { get; private set; }

    public bool? CriticalInFile { get; private set; }

    /// <summary>The library part the line calls for (see <see cref="Avl.Part.NumberOf"/>); null when it names no part number.</summary>
    public Guid? PartId { get; private set; }

    public IReadOnlyList<BomRevisionSource> Sources => _sources;

    public void AssignPart(Guid partId) => PartId = partId;

    internal static BomRevisionLine From(Guid revisionId, int position, BomLine line)
    {
        var stored = new BomRevisionLine(Guid.CreateVersion7(), revisionId, position)
        {
            Row = line.Row,
            Designators = string.Join(",", line.Designators),
            Quantity = line.Quantity,
            Dnp = line.Dnp,
            InternalPartNumber = Trim(line.InternalPartNumber, 200),
            Description = Trim(line.Description, 1000),
            Value = Trim(line.Value, 200),
            Footprint = Trim(line.Footprint, 200),
            Generic = line.Generic,
            CriticalInFile = line.CriticalInFile,
        };
        var i = 0;
        foreach (var source in line.Sources)
        {
            stored._sources.Add(new BomRevisionSource(Guid.CreateVersion7(), stored.Id, i++, Trim(source.Manufacturer, 200) ?? "", source.ManufacturerKey, Trim(source.Mpn, 200) ?? ""));
        }

        return stored;
    }

    public BomLine ToBomLine() => new()
    {
        Row = Row,
        Designators = Designators.Length == 0 ? [] : Designators.Split(','),
        Quantity = Quantity,
        Dnp = Dnp,
        InternalPartNumber = InternalPartNumber,
        Description = Description,
        Value = Value,
        Footprint = Footprint,
        Generic = Generic,
        CriticalInFile = CriticalInFile,
        Sources = _sources.OrderBy(s => s.Position).Select(s => new BomSource(s.Manufacturer, s.ManufacturerKey, s.Mpn)).ToList(),
    };

    private static string? Trim(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}

/// <summary>One source of a stored BOM line.</summary>
public sealed class BomRevisionSource(Guid id, Guid lineId, int position, string manufacturer, string? manufacturerKey, string mpn)
{
    public Guid Id { get; private set; } = id;

    public Guid LineId { get; private set; } = lineId;

    public int Position { get; private set; } = position;

    public string Manufacturer { get; private set; } = manufacturer;

    public string? ManufacturerKey { get; private set; } = manufacturerKey;

    public string Mpn { get; private set; } = mpn;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Manufacturer} {Mpn}").Trim();
}
