namespace SecondSource.Formats.Boms;

/// <summary>The file formats a BOM is read from.</summary>
public enum BomFileFormat
{
    /// <summary>Decided from the content (zip → XLSX, XML → IPC-2581, else delimited text).</summary>
    Auto,
    Csv,
    Tsv,
    Xlsx,
    Ipc2581,
}

/// <summary>The fields of a BOM line a column can hold; the names are those of <c>--map field=Column</c>.</summary>
public enum BomField
{
    Designators,
    Quantity,
    Manufacturer,
    Mpn,
    ManufacturerAndMpn,
    Dnp,
    InternalPartNumber,
    Description,
    Value,
    Footprint,
    Critical,
}

/// <summary>How the reader should read one file.</summary>
public sealed record BomReadOptions
{
    public BomFileFormat Format { get; init; } = BomFileFormat.Auto;

    /// <summary>A text encoding name (e.g. gbk, windows-1252) for files that are not UTF-8 or UTF-16 with a mark.</summary>
    public string? Encoding { get; init; }

    /// <summary>The XLSX sheet to read (name); the first sheet when null.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Column roles chosen by a person, as <c>--map field=Column</c> pairs: a field (<c>mpn:2</c>, <c>ignore</c>, ...; see
    /// <see cref="ColumnRoles.Fields"/>) and a column (its header, or <c>#N</c>). They override the reader's decisions.
    /// </summary>
    public IReadOnlyCollection<KeyValuePair<string, string>> Map { get; init; } = [];

    /// <summary>How the report names where <see cref="Map"/> came from: <c>--map</c> on the command line, "your choice" on the web.</summary>
    public string MapLabel { get; init; } = "--map";

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 1L << 31;

    /// <summary>
    /// Most bytes a workbook's parts may expand to, all parts together (the zip-bomb ceiling). Each part is also held to
    /// <see cref="MaxExpansionRatio"/> times its compressed size (at least <see cref="RatioFloorBytes"/>).
    /// </summary>
    public long MaxExpandedBytes { get; init; } = 256L << 20;

    /// <summary>How many times its compressed size a workbook part may expand to: XML compresses 5–20 times; a bomb a thousand.</summary>
    public int MaxExpansionRatio { get; init; } = 100;

    /// <summary>Parts smaller than this expanded are not held to the ratio (a tiny part of repeated XML may compress very well).</summary>
    public long RatioFloorBytes { get; init; } = 16L << 20;

    /// <summary>Most rows a BOM file may have, of any kind (a board's BOM has hundreds to a few thousand).</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Most characters in one cell (a description is a sentence; a datasheet pasted into a cell is not a BOM).</summary>
    public int MaxCellChars { get; init; } = 10_000;

    /// <summary>How a refusal tells the reader to raise a limit, {0} being its name: the CLI's option, or the web app's setting.</summary>
    public string LimitHint { get; init; } = "a higher {0}";

    /// <summary>The names of the limits a person may change (<c>--limit NAME=N</c>, or the web app's settings).</summary>
    public static IReadOnlyList<string> LimitNames { get; } = ["max-rows", "max-cell-chars", "max-expanded-bytes", "max-expansion-ratio"];

    /// <summary>These options with one limit changed; a name it does not know, or a value that is not a positive whole number, is refused.</summary>
    public BomReadOptions WithLimit(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            throw new ArgumentException($"the limit {name} takes a positive whole number, not '{value}'.");
        }

        int Int() => number <= int.MaxValue ? (int)number : throw new ArgumentException($"the limit {name} is at most {int.MaxValue:N0}.");
        return name.Trim().ToLowerInvariant() switch
        {
            "max-rows" => this with { MaxRows = Int() },
            "max-cell-chars" => this with { MaxCellChars = Int() },
            "max-expanded-bytes" => this with { MaxExpandedBytes = number },
            "max-expansion-ratio" => this with { MaxExpansionRatio = Int() },
            _ => throw new ArgumentException($"there is no limit '{name}'; the limits are {string.Join(", ", LimitNames)}."),
        };
    }

    /// <summary>The words that say how to raise the limit named.</summary>
    public string RaiseHint(string limit) => string.Format(System.Globalization.CultureInfo.InvariantCulture, LimitHint, limit);

    public Domain.Boms.ManufacturerCatalog Manufacturers { get; init; } = Domain.Boms.ManufacturerCatalog.CreateDefault();
}

/// <summary>A message about the file that did not stop it being read: where (row, column) and what.</summary>
public sealed record BomDiagnostic(Domain.Boms.FindingSeverity Severity, int? Row, string? Column, string Message);

/// <summary>What was read and how: the provenance block of every report.</summary>
public sealed record BomSourceInfo
{
    public required string File { get; init; }

    public required BomFileFormat Format { get; init; }

    public string? Encoding { get; init; }

    public string? Delimiter { get; init; }

    public string? Sheet { get; init; }

    /// <summary>The row that held the column names (1-based), when the format has one.</summary>
    public int? HeaderRow { get; init; }

    /// <summary>For each field, the column read for it (header text as written); source groups as "manufacturer:2".</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>Every column with its role, evidence and confidence (empty for IPC-2581, whose fields are named by the schema).</summary>
    public IReadOnlyList<ColumnInterpretation> ColumnRoles { get; init; } = [];

    /// <summary>A key of the column layout (the header names, normalised): a re-import of the same layout reuses the roles chosen for it.</summary>
    public string? LayoutKey { get; init; }
}

/// <summary>A file that cannot be read as a BOM; the message names the file and, where known, the row and column.</summary>
public sealed class BomFileException : Exception
{
    public BomFileException(string file, int? row, string? column, string reason)
        : base(Describe(file, row, column, reason))
    {
        File = file;
        Row = row;
        Column = column;
        Reason = reason;
    }

    public BomFileException()
    {
        File = "";
        Reason = "";
    }

    public BomFileException(string message) : base(message)
    {
        File = "";
        Reason = message;
    }

    public BomFileException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    public string File { get; }

    public int? Row { get; }

    public string? Column { get; }

    public string Reason { get; }

    private static string Describe(string file, int? row, string? column, string reason)
    {
        var where = file;
        if (row is { } r)
        {
            where += $", row {r}";
        }

        if (column is not null)
        {
            where += $", column '{column}'";
        }

        return $"{where}: {reason}";
    }
}
