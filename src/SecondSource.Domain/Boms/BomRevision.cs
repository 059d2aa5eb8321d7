using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Boms;

/// <summary>Where a BOM revision stands: imported for review, or released to drive the program.</summary>
public enum BomRevisionState
{
    /// <summary>Imported and auditable, but it drives nothing: coverage, health, plans, exports and the lines see the released one.</summary>
    Draft = 1,

    /// <summary>Released by an engineer with a note; the latest released revision is the product's current one.</summary>
    Released = 2,
}

/// <summary>
/// A BOM of a product as imported from one file: its lines, the file's name and SHA-256 (the same file twice is
/// one revision), how it was read, who imported it and when. It is imported as a <see cref="BomRevisionState.Draft"/>;
/// releasing it (who, when, why) makes it the product's current revision — the latest released one — and it is then
/// only superseded by a later release, never deleted. A draft may be deleted.
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

    /// <summary>
    /// How many lines the file gave, fixed at import (a revision's lines never change): lists of revisions read it instead
    /// of counting the lines, which under a manufacturer's filters costs a check per line.
    /// </summary>
    public int LineCount { get; private set; }

    public BomRevisionState State { get; private set; } = BomRevisionState.Draft;

    /// <summary>When it was released, by whom and why; null while it is a draft.</summary>
    public DateTimeOffset? ReleasedAt { get; private set; }

    public string? ReleasedBy { get; private set; }

    public string? ReleaseNote { get; private set; }

    /// <summary>Releases the draft: from now on it is the product's current revision unless a later one is released.</summary>
    public void Release(DateTimeOffset at, string by, string note)
    {
        if (State == BomRevisionState.Released)
        {
            throw new DomainException($"Revision '{Label}' was already released on {ReleasedAt:yyyy-MM-dd} by {ReleasedBy}.");
        }

        var when = Guard.Utc(at, "Release time");
        if (when < ImportedAt)
        {
            throw new DomainException($"Revision '{Label}' cannot be released before it was imported ({ImportedAt:yyyy-MM-dd HH:mm} UTC).");
        }

        ReleaseNote = Guard.RequiredText(note, "Release note", 2000);
        ReleasedBy = Guard.RequiredText(by, "Released by", 256);
        ReleasedAt = when;
        State = BomRevisionState.Released;
    }

    /// <summary>Refuses to delete a released revision: it has driven the program and stays in its history.</summary>
    public void EnsureDeletable()
    {
        if (State == BomRevisionState.Released)
        {
            throw new DomainException($"Revision '{Label}' is released (on {ReleasedAt:yyyy-MM-dd} by {ReleasedBy}): a released revision is superseded by releasing a later one, not deleted.");
        }
    }

    /// <summary>SHA-256 (hex) of the file's column layout (its header names, normalised): a later file with the same layout is read with <see cref="ColumnChoices"/>.</summary>
    public string? LayoutHash { get; private set; }

    /// <summary>The column roles a person chose for the file, as JSON pairs <c>[{"field":"mpn","column":"#3"}]</c>; null when the reader's decisions stood.</summary>
    public string? ColumnChoices { get; private set; }

    /// <summary>The choices of <see cref="ColumnChoices"/> as <c>field=Column</c> pairs, in the order they were made.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Choices() => ParseChoices(ColumnChoices);

    /// <summary>The key a layout is stored and found under.</summary>
    public static string HashLayout(string layoutKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(layoutKey ?? "")));

    /// <summary>Records how the file was read: its layout and the column roles a person chose (none when the reader's decisions stood).</summary>
    public void RecordReading(string? layoutKey, IReadOnlyCollection<KeyValuePair<string, string>> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        LayoutHash = layoutKey is null ? null : HashLayout(layoutKey);
        if (choices.Count == 0)
        {
            ColumnChoices = null;
            return;
        }

        var json = SerializeChoices(choices);
        ColumnChoices = json.Length <= 8000 ? json : throw new DomainException($"{choices.Count} column choices are more than a revision keeps (8000 characters).");
    }

    /// <summary>Column choices as stored (and as the import preview carries them between its steps): JSON <c>field</c>/<c>column</c> pairs.</summary>
    public static string SerializeChoices(IEnumerable<KeyValuePair<string, string>> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return JsonSerializer.Serialize(choices.Select(c => new Choice(Guard.RequiredText(c.Key, "Field", 40), Guard.RequiredText(c.Value, "Column", 200))).ToList());
    }

    /// <summary>Reads stored column choices back (an unreadable value is no choice rather than an error: it was written by this class).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseChoices(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<List<Choice>>(json) ?? []).Where(c => c.Field is not null && c.Column is not null)
                .Select(c => new KeyValuePair<string, string>(c.Field, c.Column)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

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

        revision.LineCount = position;
        return revision;
    }
}

/// <summary>One stored column choice (JSON names are part of the stored format).</summary>
internal sealed record Choice(
    [property: System.Text.Json.Serialization.JsonPropertyName("field")] string Field,
    [property: System.Text.Json.Serialization.JsonPropertyName("column")] string Column);

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
