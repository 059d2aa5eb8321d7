using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reports;

/// <summary>
/// <c>--explain</c>: how the reader understood the file, written beside any report. Every column with its role, the
/// evidence for it (header words, shares of value shapes), the confidence and what decided it, with sample values; then
/// what every row became (the runs that are not plain lines, with row numbers) and the makers nobody has confirmed. The
/// same facts the web import preview shows. Wraps the real report, which it passes every call to unchanged.
/// </summary>
public sealed class ReadingExplanation(IAuditReport inner, TextWriter output, string confirmHint) : IAuditReport
{
    private const int MaxRangesShown = 60;
    private readonly UnverifiedMakers _unverified = new();
    private readonly HashSet<string> _recognised = new(StringComparer.Ordinal);

    public void Begin(BomSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        WriteColumns(output, source);
        inner.Begin(source);
    }

    public void Line(AuditedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var source in line.Line.Sources)
        {
            if (source.ManufacturerKey is { } key && _recognised.Count < 100_000)
            {
                _recognised.Add(key);
            }
        }

        _unverified.Add(line.Line);

        inner.Line(line);
    }

    public void End(AuditSummary summary, IReadOnlyList<BomDiagnostic> diagnostics, RowAccounting? rows)
    {
        inner.End(summary, diagnostics, rows);
        output.WriteLine();
        if (rows is not null)
        {
            WriteRows(output, rows);
        }

        output.WriteLine();
        var recognised = _recognised.Count.ToString(CultureInfo.InvariantCulture);
        if (_unverified.Count == 0)
        {
            output.WriteLine(_recognised.Count == 0 ? "Makers: the file names none." : $"Makers: {recognised} recognised, none unverified.");
        }
        else
        {
            output.WriteLine($"Makers: {recognised} recognised; {_unverified.Count.ToString(CultureInfo.InvariantCulture)} nobody has confirmed (they count towards no second source):");
            AuditReportText.WriteUnverified(output, _unverified);

            output.WriteLine($"  Confirm one with: {confirmHint}");
        }

        output.Flush();
    }

    public void Dispose() => inner.Dispose();

    /// <summary>The columns block: one entry per column with its role, confidence, what decided it, the evidence and samples.</summary>
    public static void WriteColumns(TextWriter output, BomSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        var how = new List<string> { AuditReportText.Format(source.Format) };
        how.AddRange(new[] { source.Encoding, source.Delimiter is { } d ? $"delimiter '{(d == "\t" ? "tab" : d)}'" : null, source.Sheet is { } s ? $"sheet '{s}'" : null }.OfType<string>());
        how.Add(source.HeaderRow is { } h ? $"header row {h.ToString(CultureInfo.InvariantCulture)}" : source.ColumnRoles.Count > 0 ? "no header row: columns typed by their content" : "fields named by the format");
        output.WriteLine($"How {source.File} was read: {string.Join(", ", how)}");
        if (source.ColumnRoles.Count == 0)
        {
            output.WriteLine("  (no columns to decide: the format names every field)");
            return;
        }

        output.WriteLine($"Columns ({source.ColumnRoles.Count.ToString(CultureInfo.InvariantCulture)}); change a role with --map field=Column (or #N):");
        var headerWidth = Math.Min(32, source.ColumnRoles.Max(c => Shown(c).Length));
        var fieldWidth = source.ColumnRoles.Max(c => c.Field.Length);
        foreach (var column in source.ColumnRoles)
        {
            var header = Shown(column);
            header = header.Length > headerWidth ? header[..(headerWidth - 1)] + "…" : header.PadRight(headerWidth);
            output.WriteLine(
                $"  {(column.Index + 1).ToString(CultureInfo.InvariantCulture),3}  {header}  {column.Field.PadRight(fieldWidth)}  {column.Confidence.ToString().ToLowerInvariant(),-6}  {column.DecidedBy}");
            if (column.Evidence.Length > 0)
            {
                output.WriteLine($"       {column.Evidence}");
            }

            if (column.Samples.Count > 0)
            {
                output.WriteLine($"       e.g. {string.Join(" | ", column.Samples.Take(4).Select(v => v.Length > 40 ? v[..39] + "…" : v))}");
            }
        }
    }

    /// <summary>The rows block: the one-line summary, then each run of rows that did not become a plain line.</summary>
    public static void WriteRows(TextWriter output, RowAccounting rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        output.WriteLine(rows.Summary() + ".");
        var notLines = rows.Ranges.Where(r => r.Kind != RowKind.Line).ToList();
        foreach (var range in notLines.Take(MaxRangesShown))
        {
            var at = range.Count == 1
                ? $"row {range.From.ToString(CultureInfo.InvariantCulture)}"
                : $"rows {range.From.ToString(CultureInfo.InvariantCulture)}-{range.To.ToString(CultureInfo.InvariantCulture)}";
            var lines = range.TextLines is { } t ? $" (text lines {t.First.ToString(CultureInfo.InvariantCulture)}-{t.Last.ToString(CultureInfo.InvariantCulture)})" : "";
            output.WriteLine($"  {at}{lines}: {RowRange.KindName(range.Kind)}{(range.Note is { } note ? $" — {note}" : "")}");
        }

        if (notLines.Count > MaxRangesShown)
        {
            output.WriteLine($"  … and {(notLines.Count - MaxRangesShown).ToString(CultureInfo.InvariantCulture)} more runs (--output json lists every one under \"rows\").");
        }

        var spanning = rows.Ranges.Where(r => r.Kind == RowKind.Line && r.TextLines is not null).ToList();
        if (spanning.Count > 0)
        {
            output.WriteLine($"  {spanning.Count.ToString(CultureInfo.InvariantCulture)} line(s) hold a quoted line break, e.g. row {spanning[0].From.ToString(CultureInfo.InvariantCulture)} (text lines {spanning[0].TextLines!.Value.First.ToString(CultureInfo.InvariantCulture)}-{spanning[0].TextLines!.Value.Last.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    private static string Shown(ColumnInterpretation column) => column.Header.Length == 0 ? $"(#{(column.Index + 1).ToString(CultureInfo.InvariantCulture)})" : column.Header;
}
