using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application.Boms;
using SecondSource.Application.TestData;
using SecondSource.Web.Pages.Shared;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.TestData;

/// <summary>
/// Compares two sets of a product's batches the caller sees (second line against primary for a period, pilot against
/// golden samples): every shared measurement's verdict, yield and defects, from the stored statistics. The batches to
/// choose from are a period's (by default the 13 weeks up to the newest tested batch; the quarters with batches are a
/// click away), so five years of weekly batches do not make a form of thousands of check boxes; batches already
/// chosen stay listed whatever the period.
/// </summary>
public sealed class CompareModel(BomRevisionQueries products, TestDataQueries testData, PilotQueries pilots, CompareBatchesHandler compare, Hosting.ScopedReadModel readModel) : ProductVaultPage(products)
{
    /// <summary>The default period: a quarter's worth of weeks up to the newest tested batch.</summary>
    public const int DefaultWeeks = 13;

    /// <summary>The batches listed to choose from: the period's, and any chosen outside it.</summary>
    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

    /// <summary>Tested batches of the product in its whole history.</summary>
    public int AllBatches { get; private set; }

    /// <summary>The calendar quarters that have tested batches, newest first (at most eight), with their batch counts.</summary>
    public IReadOnlyList<(string Label, DateOnly From, DateOnly To, int Count)> Quarters { get; private set; } = [];

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>True when every batch of the history is listed (asked for with an empty period).</summary>
    public bool Everything { get; private set; }

    public IReadOnlyList<Guid> A { get; private set; } = [];

    public IReadOnlyList<Guid> B { get; private set; } = [];

    public double MarginFraction { get; private set; } = 0.1;

    public LineComparisonReport? Report { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>What the address asked for that the page could not use (a date that is not one, a period that ends before it starts).</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid product, Guid[]? a, Guid[]? b, double? margin, DateOnly? from, DateOnly? to, bool all, string? show, CancellationToken ct)
    {
        if (!await FindProductAsync(product, ct))
        {
            return NotFound();
        }

        A = a ?? [];
        B = b ?? [];
        MarginFraction = margin ?? 0.1;
        // The product's batches and any comparison come from the read model (per scope; recomputed after a change).
        var tested = await readModel.GetAsync($"tested-batches|{product}", async c => (IReadOnlyList<BatchSummary>)(await testData.BatchesAsync(product, c)).Where(x => x.UnitsTested > 0).ToList(), ct);
        AllBatches = tested.Count;
        Quarters = tested
            .GroupBy(x => (x.StartedAt.UtcDateTime.Year, Quarter: (x.StartedAt.UtcDateTime.Month + 2) / 3))
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Quarter)
            .Take(8)
            .Select(g => ($"{g.Key.Year} Q{g.Key.Quarter}", new DateOnly(g.Key.Year, g.Key.Quarter * 3 - 2, 1), new DateOnly(g.Key.Year, g.Key.Quarter * 3, 1).AddMonths(1).AddDays(-1), g.Count()))
            .ToList();
        Everything = all;
        if (!all)
        {
            var newest = tested.Count == 0 ? (DateOnly?)null : DateOnly.FromDateTime(tested.Max(x => x.StartedAt).UtcDateTime);
            To = to ?? newest;
            From = from ?? To?.AddDays(-7 * DefaultWeeks + 1);
        }

        Message = ListAddress.Unknown(ModelState)
            ?? (From > To ? $"The period starts ({Iso(From)}) after it ends ({Iso(To)}): no batch started in it." : null);
        Batches = tested.Where(x => Everything || InPeriod(x) || A.Contains(x.Id) || B.Contains(x.Id)).ToList();
        if ((A.Count == 0 && B.Count == 0) || show is not null)
        {
            return Page();
        }

        var result = await readModel.GetAsync(
            $"batch-comparison|{product}|{string.Join(',', A)}|{string.Join(',', B)}|{MarginFraction.ToString(CultureInfo.InvariantCulture)}",
            async c => await compare.HandleAsync(new CompareBatchesRequest(product, A, B, await pilots.PolicyAsync(product, MarginFraction, c), PilotQueries.ChartedMeasurements), c), ct);
        if (result.Failure is { Kind: Application.FailureKind.NotFound })
        {
            return NotFound();
        }

        Report = result.Value;
        Problem = result.Failure?.Message;
        return Page();
    }

    /// <summary>This page for another period, keeping the batches chosen and the margin.</summary>
    public string PeriodHref(DateOnly? from, DateOnly? to, bool all = false) =>
        ListAddress.Build($"/TestData/Compare?product={Product!.Id}",
        [
            .. all ? [("all", "true")] : new[] { ("from", Iso(from)), ("to", Iso(to)) },
            .. A.Select(id => ("a", id.ToString())),
            .. B.Select(id => ("b", id.ToString())),
            ("margin", MarginFraction.ToString(CultureInfo.InvariantCulture)),
            ("show", "1"),
        ]);

    /// <summary>The period as the form's date fields write it.</summary>
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private bool InPeriod(BatchSummary batch)
    {
        var day = DateOnly.FromDateTime(batch.StartedAt.UtcDateTime);
        return (From is null || day >= From) && (To is null || day <= To);
    }
}
