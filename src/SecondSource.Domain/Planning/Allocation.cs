using System.Globalization;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Planning;

/// <summary>
/// The program's allocation policy: the second line's share band in its launch quarters (10–30 % by default) and in
/// steady state (15–25 %), the target share, how many calendar quarters count as launch, the warm window (a batch of at
/// least <see cref="MinWarmBatch"/> units at the second line in every <see cref="WarmWindowWeeks"/> weeks: 4 is
/// monthly, the recommended cadence, 13 the hard minimum) — the guide's numbers, configurable per program.
/// </summary>
public sealed record SharePolicy(
    double LaunchMin = 0.10, double LaunchMax = 0.30, double SteadyMin = 0.15, double SteadyMax = 0.25, double Target = 0.20,
    int LaunchQuarters = 2, int WarmWindowWeeks = 4, int MinWarmBatch = 50)
{
    /// <summary>The longest a second line may go without a batch and still restart without a cold requalification (weeks).</summary>
    public const int HardWarmWindowWeeks = 13;

    public SharePolicy Checked()
    {
        if (!(LaunchMin >= 0 && LaunchMin <= LaunchMax && LaunchMax <= 1 && SteadyMin >= 0 && SteadyMin <= SteadyMax && SteadyMax <= 1))
        {
            throw new DomainException($"Share bands satisfy 0 ≤ min ≤ max ≤ 100 % (launch {LaunchMin:P0}–{LaunchMax:P0}, steady {SteadyMin:P0}–{SteadyMax:P0}).");
        }

        if (!(Target >= SteadyMin && Target <= SteadyMax))
        {
            throw new DomainException($"The target share {Target:P0} lies within the steady band {SteadyMin:P0}–{SteadyMax:P0}.");
        }

        if (LaunchQuarters is < 0 or > 8 || WarmWindowWeeks is < 1 or > HardWarmWindowWeeks || MinWarmBatch < 1)
        {
            throw new DomainException($"Launch quarters lie in 0–8, the warm window in 1–{HardWarmWindowWeeks} weeks and a warm batch has at least one unit.");
        }

        return this;
    }

    /// <summary>The band for the quarter <paramref name="quarterIndex"/> counted from the launch quarter (0 = launch quarter).</summary>
    public (double Min, double Max, bool Launch) BandFor(int quarterIndex) =>
        quarterIndex < LaunchQuarters ? (LaunchMin, LaunchMax, true) : (SteadyMin, SteadyMax, false);
}

/// <summary>A calendar quarter (1–4 of a year); a plan week belongs to the quarter holding its Thursday (the ISO rule).</summary>
public readonly record struct CalendarQuarter(int Year, int Number)
{
    public static CalendarQuarter Of(DateOnly week) { var thursday = week.AddDays(3); return new(thursday.Year, ((thursday.Month - 1) / 3) + 1); }

    public int Index => (Year * 4) + Number - 1;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}

/// <summary>ISO-8601 weeks: plans are weekly, keyed by the Monday that starts the week.</summary>
public static class PlanWeeks
{
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Label(DateOnly monday) => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>Parses <c>2027-W05</c> (an ISO week) or <c>2027-03</c> (a calendar month) into its first day and the day after its last.</summary>
    public static bool TryParsePeriod(string text, out DateOnly start, out DateOnly end)
    {
        (start, end) = (default, default);
        var t = (text ?? "").Trim();
        if (t.Length == 8 && t[4] == '-' && (t[5] == 'W' || t[5] == 'w')
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(t.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && year is >= 2000 and <= 2100 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            start = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            end = start.AddDays(7);
            return true;
        }

        if (t.Length == 7 && t[4] == '-'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && year is >= 2000 and <= 2100 && month is >= 1 and <= 12)
        {
            start = new DateOnly(year, month, 1);
            end = start.AddMonths(1);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Weekly demand from forecast periods of any length: each period's quantity is spread evenly over its days and a
    /// week's demand is the sum over its seven days (a monthly forecast becomes weeks in proportion to their days).
    /// </summary>
    public static SortedDictionary<DateOnly, double> WeeklyDemand(IEnumerable<(DateOnly Start, DateOnly End, int Quantity)> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var weeks = new SortedDictionary<DateOnly, double>();
        foreach (var (start, end, quantity) in periods)
        {
            var days = end.DayNumber - start.DayNumber;
            if (days <= 0)
            {
                continue;
            }

            for (var monday = MondayOf(start); monday < end; monday = monday.AddDays(7))
            {
                var from = monday < start ? start : monday;
                var to = monday.AddDays(7) > end ? end : monday.AddDays(7);
                weeks[monday] = weeks.GetValueOrDefault(monday) + ((double)quantity * (to.DayNumber - from.DayNumber) / days);
            }
        }

        return weeks;
    }
}

/// <summary>A line in an allocation plan: its id, name, whether it is the second source, and its standing capacity (units a week; null when not recorded).</summary>
public sealed record PlanLine(Guid Id, string Name, bool SecondSource, double? WeeklyCapacity);

/// <summary>One week of a plan: the week's demand and the units planned at each line (by line id).</summary>
public sealed record PlanWeek(DateOnly Monday, double Demand, IReadOnlyDictionary<Guid, double> Units)
{
    public double Planned(Guid line) => Units.GetValueOrDefault(line);

    public double Total => Units.Values.Sum();
}

/// <summary>What an allocation check found: the period (a week, a span of weeks or a quarter), the rule and what is wrong.</summary>
public sealed record PlanFinding(string Period, string Rule, string Message);

/// <summary>
/// Checks an allocation plan against the program's policy: demand met every week (cumulatively: units built ahead
/// cover later weeks; finished goods on hand at the start are not counted), each line within its standing
/// capacity, the second line's share of each calendar quarter within the launch or steady band, a warm batch at the
/// second line in every rolling window (history counts for the first windows) and never more than 13 weeks without one.
/// </summary>
public static class AllocationCheck
{
    public const string DemandRule = "demand met";
    public const string CapacityRule = "standing capacity";
    public const string BandRule = "share band";
    public const string WarmRule = "warm batch";

    /// <summary>The findings, in order: weeks short of demand or over capacity, quarters out of band, warm gaps.</summary>
    /// <remarks>
    /// <paramref name="launchQuarter"/> is the second line's first quarter of volume; quarters before it count as launch too.
    /// <paramref name="lastBatchBefore"/> is the last qualifying batch the second line built before the plan starts, if any.
    /// </remarks>
    public static IReadOnlyList<PlanFinding> Check(
        SharePolicy policy, IReadOnlyList<PlanLine> lines, IReadOnlyList<PlanWeek> weeks, CalendarQuarter launchQuarter, DateOnly? lastBatchBefore)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(weeks);
        policy.Checked();
        var inv = CultureInfo.InvariantCulture;
        var findings = new List<PlanFinding>();
        var ordered = weeks.OrderBy(w => w.Monday).ToList();
        double supplied = 0, demanded = 0;
        foreach (var week in ordered)
        {
            // Demand is met when what is planned so far covers what is demanded so far (a week may build ahead for the next).
            var label = PlanWeeks.Label(week.Monday);
            (supplied, demanded) = (supplied + week.Total, demanded + week.Demand);
            if (supplied + 0.5 < demanded)
            {
                findings.Add(new(label, DemandRule, string.Create(inv,
                    $"{supplied:N0} units planned up to this week against a demand of {demanded:N0} so far: {demanded - supplied:N0} short (this week {week.Total:N0} planned, {week.Demand:N0} demanded).")));
            }

            foreach (var line in lines.Where(l => l.WeeklyCapacity is not null && week.Planned(l.Id) > l.WeeklyCapacity + 0.5))
            {
                findings.Add(new(label, CapacityRule, string.Create(inv, $"{week.Planned(line.Id):N0} units planned at {line.Name}, above its standing capacity of {line.WeeklyCapacity:N0} a week.")));
            }
        }

        foreach (var line in lines.Where(l => l.WeeklyCapacity is null && weeks.Any(w => w.Planned(l.Id) > 0)))
        {
            findings.Add(new("whole plan", CapacityRule, $"{line.Name} has no standing capacity recorded, so its weeks are not checked against one."));
        }

        var second = lines.Where(l => l.SecondSource).ToList();
        foreach (var quarter in ordered.GroupBy(w => CalendarQuarter.Of(w.Monday)))
        {
            var total = quarter.Sum(w => w.Total);
            if (total <= 0)
            {
                continue;
            }

            var (min, max, launch) = policy.BandFor(Math.Max(0, quarter.Key.Index - launchQuarter.Index));
            var share = quarter.Sum(w => second.Sum(l => w.Planned(l.Id))) / total;
            if (share < min - 1e-9 || share > max + 1e-9)
            {
                findings.Add(new(quarter.Key.ToString(), BandRule, string.Create(inv,
                    $"The second source has {share:P1} of the quarter's {total:N0} planned units, outside the {(launch ? "launch" : "steady")} band {min:P0}–{max:P0}.")));
            }
        }

        foreach (var line in second)
        {
            findings.AddRange(WarmGaps(policy, line, ordered, lastBatchBefore));
        }

        return findings;
    }

    /// <summary>Runs of weeks in which a rolling warm window has no batch of at least the policy's size at the line.</summary>
    private static IEnumerable<PlanFinding> WarmGaps(SharePolicy policy, PlanLine line, List<PlanWeek> weeks, DateOnly? lastBatchBefore)
    {
        if (weeks.Count == 0)
        {
            yield break;
        }

        var first = weeks[0].Monday;
        var last = lastBatchBefore is { } b ? PlanWeeks.MondayOf(b) : (DateOnly?)null;
        var gapStart = last?.AddDays(7) ?? first;
        foreach (var week in weeks.Append(null))
        {
            var warm = week is not null && week.Planned(line.Id) >= policy.MinWarmBatch;
            if (week is not null && !warm)
            {
                continue;
            }

            // A gap runs from gapStart up to (not including) this warm week, or to the plan's end.
            var gapEnd = week?.Monday ?? weeks[^1].Monday.AddDays(7);
            var gapWeeks = (gapEnd.DayNumber - gapStart.DayNumber) / 7;
            var limit = policy.WarmWindowWeeks - 1;
            if (gapWeeks > limit && gapEnd > first)
            {
                var from = gapStart < first ? first : gapStart;
                var hard = gapWeeks >= SharePolicy.HardWarmWindowWeeks;
                var span = $"{PlanWeeks.Label(from)} to {PlanWeeks.Label(gapEnd.AddDays(-7))}";
                var since = last is { } l && gapStart <= first ? $" (the last batch was in {PlanWeeks.Label(l)})" : "";
                yield return new(span, WarmRule,
                    $"{gapWeeks} weeks without a batch of ≥ {policy.MinWarmBatch} units at {line.Name}{since}; the policy wants one in every {policy.WarmWindowWeeks} weeks"
                    + (hard ? $", and {SharePolicy.HardWarmWindowWeeks} weeks is the hard minimum (a first-article check on restart)." : "."));
            }

            if (week is not null)
            {
                gapStart = week.Monday.AddDays(7);
                last = week.Monday;
            }
        }
    }
}
