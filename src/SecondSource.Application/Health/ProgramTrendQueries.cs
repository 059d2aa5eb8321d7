using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Programs;
using SecondSource.Application.Reviews;
using SecondSource.Application.Vault;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Reviews;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.Health;

/// <summary>One line in one quarter: the batches it started (golden excluded), their units, and its first-pass yield.</summary>
public sealed record LineQuarter(string Quarter, bool SoFar, int Batches, long Units, YieldPoint Yield);

/// <summary>One line's last four quarters.</summary>
public sealed record LineTrend(VaultLine Line, IReadOnlyList<LineQuarter> Quarters);

/// <summary>One quarter of the program's volume: the units its batches started, and the second lines' part.</summary>
public sealed record ShareQuarter(string Quarter, bool SoFar, long Units, long SecondLineUnits)
{
    /// <summary>The second lines' share of the units started in the quarter's batches (0–1); null when no batch started.</summary>
    public double? Share => Units == 0 ? null : (double)SecondLineUnits / Units;
}

/// <summary>
/// A program's last four quarters (the current one so far last): each line's batches and yields (the primary first),
/// and — for the buyer only — the second lines' share of the volume against the program's steady band (BandLow–BandHigh,
/// what the scorecard judges the planned share against).
/// </summary>
public sealed record ProgramTrend(Guid ProgramId, IReadOnlyList<LineTrend> Lines, IReadOnlyList<ShareQuarter>? Share, double BandLow, double BandHigh)
{
    public IReadOnlyList<string> Quarters => Lines.Count > 0 ? [.. Lines[0].Quarters.Select(q => q.Quarter)] : Share is { } s ? [.. s.Select(q => q.Quarter)] : [];
}

/// <summary>
/// What the dashboards draw next to each program's present state: over the last four quarters of the program's review
/// calendar, the batches each line started (golden batches excluded, as the reviews exclude them) and each line's
/// first-pass yield read by the same <see cref="ReviewFactsReader"/> the quarterly reviews read, so the dashboard and the
/// review never disagree on a quarter; and the second lines' share of the units started. Computed over the whole program
/// (a system read) and projected for the viewer: the buyer sees every line and the share; a manufacturer sees its own
/// lines' entries with the same values, and no share (it would reveal the other line's volume).
/// </summary>
public sealed class ProgramTrendQueries(SecondSourceDbContext db, IPartyContext party, VaultLines vaultLines, ReviewFactsReader facts, ReviewQueries reviews, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<Guid, ProgramTrend>> TrendsAsync(CancellationToken ct)
    {
        var viewer = party.Scope;
        // The programs the viewer may see (its own query filters), each computed over the whole program.
        var programs = await db.Programs.AsNoTracking().Select(p => new { p.Id, p.ProductId, p.AllocationPolicy }).ToListAsync(ct);
        var trends = new Dictionary<Guid, ProgramTrend>();
        using (party.BeginSystemScope())
        {
            foreach (var program in programs)
            {
                if (await ComputeAsync(program.Id, program.ProductId, program.AllocationPolicy ?? new Domain.Planning.SharePolicy(), ct) is { } trend)
                {
                    trends[program.Id] = trend;
                }
            }
        }

        if (!viewer.IsRestricted)
        {
            return trends;
        }

        return trends.Values
            .Select(t => t with { Lines = ProgramFacts.Project(t.Lines, viewer, l => l.Line.PartyId), Share = null })
            .Where(t => t.Lines.Count > 0)
            .ToDictionary(t => t.ProgramId);
    }

    private async Task<ProgramTrend?> ComputeAsync(Guid programId, Guid productId, Domain.Planning.SharePolicy policy, CancellationToken ct)
    {
        var lines = await vaultLines.OfProductAsync(productId, ct);
        var primary = lines.FirstOrDefault(l => l.Role == LineRole.Primary);
        var seconds = lines.Where(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate).ToList();
        if (primary is null || seconds.Count == 0)
        {
            return null;
        }

        var calendar = await reviews.CalendarAsync(programId, ct);
        var current = Quarter.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), calendar);
        var quarters = new[] { current.Previous.Previous.Previous, current.Previous.Previous, current.Previous, current };
        var (start, _) = ReviewFactsReader.Instants(quarters[0], calendar);
        var (_, end) = ReviewFactsReader.Instants(current, calendar);
        var ids = seconds.Select(s => s.Id).Prepend(primary.Id).ToList();
        var batches = await db.TestBatches.AsNoTracking()
            .Where(b => b.ProductId == productId && ids.Contains(b.LineId) && b.Kind != BatchKind.Golden && b.StartedAt >= start && b.StartedAt < end)
            .Select(b => new { b.LineId, b.Quantity, b.StartedAt }).ToListAsync(ct);
        var periods = quarters.Select(q => (Quarter: q, Period: ReviewFactsReader.Instants(q, calendar))).ToList();
        var lineTrends = new List<LineTrend>();
        foreach (var line in seconds.Prepend(primary))
        {
            var points = new List<LineQuarter>(quarters.Length);
            foreach (var (quarter, (from, to)) in periods)
            {
                var started = batches.Where(b => b.LineId == line.Id && b.StartedAt >= from && b.StartedAt < to).ToList();
                points.Add(new LineQuarter(quarter.ToString(), quarter == current, started.Count, started.Sum(b => (long)b.Quantity),
                    await facts.YieldAsync(productId, line.Id, quarter, calendar, ct)));
            }

            lineTrends.Add(new LineTrend(line, points));
        }

        var share = periods.Select(p =>
        {
            var started = batches.Where(b => b.StartedAt >= p.Period.Start && b.StartedAt < p.Period.End).ToList();
            return new ShareQuarter(p.Quarter.ToString(), p.Quarter == current, started.Sum(b => (long)b.Quantity), started.Where(b => b.LineId != primary.Id).Sum(b => (long)b.Quantity));
        }).ToList();
        return new ProgramTrend(programId, lineTrends, share, policy.SteadyMin, policy.SteadyMax);
    }
}
