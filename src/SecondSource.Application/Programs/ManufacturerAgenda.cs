using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Application.Reviews;
using SecondSource.Application.Vault;
using SecondSource.Domain.Reviews;
using SecondSource.Domain.TestData;
using SecondSource.Domain.Vault;

namespace SecondSource.Application.Programs;

/// <summary>One thing that binds a manufacturer or waits for it, with where to act and when it is due.</summary>
public sealed record AgendaItem(string Kind, string Text, string Link, DateOnly? Due, bool Urgent);

/// <summary>
/// What binds a manufacturer and what waits for it, for its own dashboard: its NDAs with the buyer (ending within
/// <see cref="VaultAccess.WarnDays"/> days, or over), grants whose effective end (the earlier of the grant and the NDA) is
/// that close, package items its lines must acknowledge (a released revision it has not said it builds with — the
/// acknowledgement request a BOM release opens), open DFM items on its lines (they hold the pilot gate), batches on its
/// lines with units still waiting for a test result, and open actions of review findings on its lines. Everything is read
/// as the manufacturer may see it: its own NDAs and grants under its filter, the package sync from <see cref="ProgramFacts"/>
/// (the buyer's values projected to its lines), the findings through the reviews' own manufacturer view.
/// </summary>
public sealed class ManufacturerAgenda(SecondSourceDbContext db, ProgramQueries programs, ProgramFacts facts, VaultAccessQueries vault, ReviewQueries reviews)
{
    public async Task<IReadOnlyList<AgendaItem>> ListAsync(CancellationToken ct)
    {
        var items = new List<AgendaItem>();
        var ndas = await vault.NdasAsync(ct);
        foreach (var nda in ndas.Where(n => n.DaysLeft <= VaultAccess.WarnDays))
        {
            // An NDA over matters only while no other is in force (an old one replaced by a renewal does not).
            if (nda.DaysLeft < 0 && (ndas.Any(n => n.Live) || ndas.Any(n => n.ExpiresOn > nda.ExpiresOn)))
            {
                continue;
            }

            items.Add(new AgendaItem("nda", nda.DaysLeft < 0
                    ? $"Your NDA with the buyer ({nda.Scope}) ended on {Day(nda.ExpiresOn)}: your lines cannot reach the package until a new one is recorded."
                    : $"Your NDA with the buyer ({nda.Scope}) ends on {Day(nda.ExpiresOn)}: {nda.DaysLeft} day{(nda.DaysLeft == 1 ? "" : "s")} left. Access to the package stops with it.",
                "/Vault/Ndas", nda.ExpiresOn, Urgent: true));
        }

        var programList = await programs.ListAsync(ct);
        foreach (var program in programList)
        {
            var ownLines = program.Lines.Select(l => l.LineId).ToHashSet();
            foreach (var grant in (await vault.GrantsAsync(program.ProductId, ct)).Where(g => ownLines.Contains(g.LineId) && g.Ends is { Warn: true } && g.Ends.Cause == AccessEndCause.Grant))
            {
                items.Add(new AgendaItem("grant", $"{program.ProductCode}: your line's access to {grant.Artifact} ends on {Day(grant.Ends!.LastDay)} ({grant.Ends.DaysLeft} days left); ask the buyer to extend the grant.",
                    $"/Vault/Granted?product={program.ProductId}", grant.Ends.LastDay, Urgent: true));
            }

            foreach (var line in await facts.SyncAsync(program.ProductId, ct))
            {
                foreach (var (kind, status) in line.Items.Where(i => i.Value.State is SyncState.NotAcknowledged or SyncState.Behind))
                {
                    items.Add(new AgendaItem("acknowledge", $"{program.ProductCode}, {line.Line.Name}: acknowledge {ArtifactKinds.Name(kind)} rev {status.Latest} ({status.Describe()}).",
                        $"/Vault/Granted?product={program.ProductId}", null, status.State == SyncState.Behind));
                }
            }
        }

        // DFM items are party-owned: the filter gives the manufacturer those on its own lines.
        var codes = programList.ToDictionary(p => p.ProductId, p => p.ProductCode);
        foreach (var dfm in await db.DfmItems.AsNoTracking().Where(d => d.Status == DfmStatus.Open).OrderBy(d => d.RaisedAt).ToListAsync(ct))
        {
            items.Add(new AgendaItem("dfm", $"{codes.GetValueOrDefault(dfm.ProductId) ?? "a product"}: DFM item open since {Day(DateOnly.FromDateTime(dfm.RaisedAt.UtcDateTime))}, {dfm.Title} (owner {dfm.Owner}); it holds the pilot gate.",
                $"/TestData/Dfm?product={dfm.ProductId}", null, Urgent: false));
        }

        // Batches on its lines (party-owned, so the filter gives its own) with units still waiting for a test result: the
        // buyer's yields, comparisons and warmth read only tested units.
        var batches = await db.TestBatches.AsNoTracking().Where(b => b.EndedAt == null && b.Kind != BatchKind.Golden)
            .Select(b => new { b.Id, b.Name, b.ProductId, b.Quantity, b.StartedAt, Tested = b.UnitsTested })
            .ToListAsync(ct);
        foreach (var batch in batches.Where(b => b.Tested < b.Quantity).OrderBy(b => b.StartedAt))
        {
            items.Add(new AgendaItem("test-data", $"{codes.GetValueOrDefault(batch.ProductId) ?? "a product"}: batch {batch.Name}, started {Day(DateOnly.FromDateTime(batch.StartedAt.UtcDateTime))}, has {batch.Tested} of {batch.Quantity} units tested so far; the comparisons and yields read tested units only.",
                $"/TestData/Batch?id={batch.Id}", null, Urgent: false));
        }

        foreach (var (reviewId, section) in await reviews.LineSectionsAsync(ct))
        {
            if (await reviews.LineViewAsync(reviewId, ct) is not { } view)
            {
                continue;
            }

            // The manufacturer's view holds only findings on its own lines.
            foreach (var finding in view.Findings)
            {
                foreach (var action in finding.Actions.Where(a => a.Status is ActionStatus.Open or ActionStatus.InProgress))
                {
                    items.Add(new AgendaItem("review-action", $"{section.ProductCode} {section.Quarter} review, {finding.Title}: {action.Description} (owner {action.Owner}, due {Day(action.Due)}).",
                        $"/Reviews/Pack?id={reviewId}", action.Due, action.Overdue));
                }
            }
        }

        return [.. items.DistinctBy(i => i.Text).OrderByDescending(i => i.Urgent).ThenBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Text, StringComparer.Ordinal)];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
