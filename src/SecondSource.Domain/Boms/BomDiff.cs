namespace SecondSource.Domain.Boms;

/// <summary>A line of one side of a comparison, with its audit verdict: critical, and dual-sourced when critical.</summary>
public sealed record DiffInput(BomLine Line, bool Critical, bool DualSourced);

/// <summary>How a line moved between two revisions.</summary>
public enum LineChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

/// <summary>
/// One line added, removed or changed: both sides where they exist, what changed in words, the sources added and
/// removed (maker and MPN as the files write them), and the dual-sourcing consequence.
/// </summary>
public sealed record LineChange(
    LineChangeKind Kind, DiffInput? Before, DiffInput? After, IReadOnlyList<string> Changes, IReadOnlyList<BomSource> SourcesAdded, IReadOnlyList<BomSource> SourcesRemoved)
{
    /// <summary>The line's name for people: its designators, else its part number, else its value.</summary>
    public string Name => Describe((After ?? Before)!.Line);

    /// <summary>What the change does to dual-sourcing: a critical line that gains or loses its second source, or becomes (no longer) critical.</summary>
    public string? Consequence => (Before, After) switch
    {
        (null, { Critical: true, DualSourced: false }) => "new critical line with a single source",
        (null, { Critical: true, DualSourced: true }) => "new critical line, dual-sourced",
        ({ Critical: true, DualSourced: false }, null) => "a single-source critical line removed",
        ({ Critical: true, DualSourced: true }, null) => "a dual-sourced critical line removed",
        ({ Critical: true, DualSourced: true }, { Critical: true, DualSourced: false }) => "loses its second source",
        ({ Critical: true, DualSourced: false }, { Critical: true, DualSourced: true }) => "gains a second source",
        ({ Critical: false }, { Critical: true, DualSourced: false }) => "becomes critical, with a single source",
        ({ Critical: false }, { Critical: true, DualSourced: true }) => "becomes critical, dual-sourced",
        ({ Critical: true }, { Critical: false }) => "no longer critical",
        _ => null,
    };

    /// <summary>True when the change leaves the line worse for dual-sourcing than before.</summary>
    public bool Worsens => Consequence is "new critical line with a single source" or "loses its second source" or "becomes critical, with a single source";

    internal static string Describe(BomLine line) =>
        line.Designators.Count > 0 ? BomDiff.Designators(line.Designators)
        : line.InternalPartNumber ?? line.Sources.Select(s => s.Mpn).FirstOrDefault(m => m.Length > 0) ?? line.Value ?? $"row {line.Row}";
}

/// <summary>Counts on each side, and the changes.</summary>
public sealed record BomComparison(
    int LinesBefore, int LinesAfter, int CriticalBefore, int CriticalAfter, int DualSourcedBefore, int DualSourcedAfter, int Unchanged, IReadOnlyList<LineChange> Changes)
{
    public int Added => Changes.Count(c => c.Kind == LineChangeKind.Added);

    public int Removed => Changes.Count(c => c.Kind == LineChangeKind.Removed);

    public int Changed => Changes.Count(c => c.Kind == LineChangeKind.Changed);

    public static double Percent(int dual, int critical) => critical == 0 ? 100 : 100.0 * dual / critical;
}

/// <summary>
/// Compares two revisions of a BOM line by line. Lines are paired in three passes, each over the lines still unpaired:
/// the same internal part number; then a shared manufacturer part number (normalised: case, spaces and dashes ignored);
/// then designators that mostly overlap (at least half of the larger set). A pair is "changed" when its quantity,
/// designators, DNP, value, footprint, internal part number or sources differ; unpaired lines are added or removed.
/// Designators moving from one part to another show as that part's line changing its designators on both sides.
/// </summary>
public static class BomDiff
{
    public static BomComparison Compare(IReadOnlyList<DiffInput> before, IReadOnlyList<DiffInput> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var pairs = new List<(int Before, int After)>();
        var pairedBefore = new bool[before.Count];
        var pairedAfter = new bool[after.Count];

        Pair(before, after, pairedBefore, pairedAfter, pairs, l => l.InternalPartNumber is { Length: > 0 } ipn ? [Norm(ipn)] : []);
        Pair(before, after, pairedBefore, pairedAfter, pairs, l => [.. l.Sources.Select(s => Norm(s.Mpn)).Where(m => m.Length > 0).Distinct()]);
        PairByDesignators(before, after, pairedBefore, pairedAfter, pairs);

        var changes = new List<LineChange>();
        var unchanged = 0;
        foreach (var (b, a) in pairs.OrderBy(p => p.After))
        {
            var change = Changed(before[b], after[a]);
            if (change is null)
            {
                unchanged++;
            }
            else
            {
                changes.Add(change);
            }
        }

        changes.AddRange(Enumerable.Range(0, after.Count).Where(a => !pairedAfter[a])
            .Select(a => new LineChange(LineChangeKind.Added, null, after[a], ["added"], after[a].Line.Sources, [])));
        changes.AddRange(Enumerable.Range(0, before.Count).Where(b => !pairedBefore[b])
            .Select(b => new LineChange(LineChangeKind.Removed, before[b], null, ["removed"], [], before[b].Line.Sources)));
        return new BomComparison(
            before.Count, after.Count,
            before.Count(l => l.Critical), after.Count(l => l.Critical),
            before.Count(l => l.Critical && l.DualSourced), after.Count(l => l.Critical && l.DualSourced),
            unchanged, changes);
    }

    /// <summary>Designators as people write them, sorted naturally (C2 before C10).</summary>
    public static string Designators(IEnumerable<string> designators) =>
        string.Join(", ", designators.OrderBy(d => d.TrimEnd("0123456789".ToCharArray()), StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => int.TryParse(d.AsSpan(d.TrimEnd("0123456789".ToCharArray()).Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ThenBy(d => d, StringComparer.Ordinal));

    private static void Pair(IReadOnlyList<DiffInput> before, IReadOnlyList<DiffInput> after, bool[] pairedBefore, bool[] pairedAfter, List<(int, int)> pairs, Func<BomLine, string[]> keys)
    {
        // Each key points at the unpaired earlier lines holding it; a later line takes the one its designators overlap most.
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var b = 0; b < before.Count; b++)
        {
            if (!pairedBefore[b])
            {
                foreach (var key in keys(before[b].Line))
                {
                    (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(b);
                }
            }
        }

        for (var a = 0; a < after.Count; a++)
        {
            if (pairedAfter[a])
            {
                continue;
            }

            var best = -1;
            var bestOverlap = -1.0;
            foreach (var key in keys(after[a].Line))
            {
                if (!index.TryGetValue(key, out var list))
                {
                    continue;
                }

                list.RemoveAll(b => pairedBefore[b]);
                foreach (var b in list)
                {
                    var overlap = Overlap(before[b].Line.Designators, after[a].Line.Designators);
                    if (overlap > bestOverlap || (overlap == bestOverlap && b < best))
                    {
                        (best, bestOverlap) = (b, overlap);
                    }
                }
            }

            if (best >= 0)
            {
                pairedBefore[best] = pairedAfter[a] = true;
                pairs.Add((best, a));
            }
        }
    }

    private static void PairByDesignators(IReadOnlyList<DiffInput> before, IReadOnlyList<DiffInput> after, bool[] pairedBefore, bool[] pairedAfter, List<(int, int)> pairs)
    {
        // Only lines sharing a designator can overlap: index the unpaired earlier lines by designator.
        var index = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var b = 0; b < before.Count; b++)
        {
            if (!pairedBefore[b])
            {
                foreach (var designator in before[b].Line.Designators)
                {
                    (index.TryGetValue(designator, out var list) ? list : index[designator] = []).Add(b);
                }
            }
        }

        for (var a = 0; a < after.Count; a++)
        {
            var target = after[a].Line.Designators;
            if (pairedAfter[a] || target.Count == 0)
            {
                continue;
            }

            var best = -1;
            var bestScore = 0.0;
            foreach (var b in target.SelectMany(d => index.TryGetValue(d, out var list) ? list : []).Distinct())
            {
                if (pairedBefore[b])
                {
                    continue;
                }

                var score = Overlap(before[b].Line.Designators, target);
                if (score >= 0.5 && (score > bestScore || (score == bestScore && b < best)))
                {
                    (best, bestScore) = (b, score);
                }
            }

            if (best >= 0)
            {
                pairedBefore[best] = pairedAfter[a] = true;
                pairs.Add((best, a));
            }
        }
    }

    /// <summary>Shared designators over the larger set (0 when either is empty).</summary>
    private static double Overlap(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        if (SameDesignators(x, y))
        {
            return 1;
        }

        var shared = x.Intersect(y, StringComparer.OrdinalIgnoreCase).Count();
        return (double)shared / Math.Max(x.Count, y.Count);
    }

    private static LineChange? Changed(DiffInput before, DiffInput after)
    {
        var b = before.Line;
        var a = after.Line;
        var changes = new List<string>();
        if (b.Quantity != a.Quantity)
        {
            changes.Add($"quantity {Quantity(b.Quantity)} → {Quantity(a.Quantity)}");
        }

        var same = SameDesignators(b.Designators, a.Designators);
        var gone = same ? [] : b.Designators.Except(a.Designators, StringComparer.OrdinalIgnoreCase).ToList();
        var come = same ? [] : a.Designators.Except(b.Designators, StringComparer.OrdinalIgnoreCase).ToList();
        if (come.Count > 0)
        {
            changes.Add($"designators added {Designators(come)}");
        }

        if (gone.Count > 0)
        {
            changes.Add($"designators removed {Designators(gone)}");
        }

        if (b.Dnp != a.Dnp)
        {
            changes.Add(a.Dnp ? "now DNP (not placed)" : "now placed (was DNP)");
        }

        Field(changes, "internal part number", b.InternalPartNumber, a.InternalPartNumber);
        Field(changes, "value", b.Value, a.Value);
        Field(changes, "footprint", b.Footprint, a.Footprint);

        var sameSources = a.Sources.Count == b.Sources.Count && a.Sources.Select((s, i) => SameSource(b.Sources[i], s)).All(x => x);
        var added = sameSources ? [] : a.Sources.Where(s => !b.Sources.Any(o => SameSource(o, s))).ToList();
        var removed = sameSources ? [] : b.Sources.Where(s => !a.Sources.Any(n => SameSource(n, s))).ToList();
        if (added.Count > 0)
        {
            changes.Add($"sources added: {string.Join("; ", added.Select(Source))}");
        }

        if (removed.Count > 0)
        {
            changes.Add($"sources removed: {string.Join("; ", removed.Select(Source))}");
        }

        if (before.Critical != after.Critical || before.DualSourced != after.DualSourced)
        {
            changes.Add(after.Critical ? after.DualSourced ? "now dual-sourced" : "now single-source" : "no longer critical");
        }

        return changes.Count == 0 ? null : new LineChange(LineChangeKind.Changed, before, after, changes, added, removed);
    }

    private static void Field(List<string> changes, string name, string? before, string? after)
    {
        if (!string.Equals((before ?? "").Trim(), (after ?? "").Trim(), StringComparison.Ordinal))
        {
            changes.Add($"{name} {Show(before)} → {Show(after)}");
        }
    }

    private static bool SameSource(BomSource x, BomSource y) =>
        Norm(x.Mpn) == Norm(y.Mpn) && (x.ManufacturerKey is { } kx && y.ManufacturerKey is { } ky ? kx == ky : string.Equals(x.Manufacturer.Trim(), y.Manufacturer.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Source(BomSource s) => s.Manufacturer.Length == 0 ? s.Mpn : $"{s.Manufacturer} {s.Mpn}";

    private static string Show(string? text) => string.IsNullOrWhiteSpace(text) ? "(none)" : $"'{text.Trim()}'";

    private static string Quantity(decimal? q) => q?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)";

    /// <summary>The same designators in the same order (the common case between revisions), without case.</summary>
    private static bool SameDesignators(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A part number compared without case, spaces or dashes.</summary>
    private static string Norm(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '-' || char.IsLower(c))
            {
                clean = false;
                break;
            }
        }

        return clean ? text : string.Create(text.Count(c => !char.IsWhiteSpace(c) && c != '-'), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c) && c != '-')
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }
}
