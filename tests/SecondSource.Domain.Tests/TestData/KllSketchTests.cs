using SecondSource.Domain.TestData;

namespace SecondSource.Domain.Tests.TestData;

/// <summary>
/// The KLL sketch's guarantee is an additive rank error: at k = 200 about 1.33 % of n single-sided with probability
/// ≈ 99 % (DataSketches' fit ε ≈ 2.296 / k^0.9723, research note stats_methods.md §5.3). Seeded, so each run is the same.
/// </summary>
public sealed class KllSketchTests
{
    private const double Bound = 0.0133 * 1.5;

    private static double[] Normal(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => 3.3 + 0.01 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
    }

    private static double TrueRank(double[] sorted, double value) => (double)sorted.Count(v => v <= value) / sorted.Length;

    [Fact]
    public void Quantiles_are_within_the_rank_error_bound_and_the_sketch_stays_small()
    {
        var values = Normal(100_000, 1);
        var sketch = new KllSketch(seed: 7);
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        var sorted = values.Order().ToArray();
        sketch.Count.ShouldBe(100_000);
        sketch.Weighted().Sum(w => w.Weight).ShouldBe(100_000, "compaction keeps the total weight");
        sketch.Retained.ShouldBeLessThan(800);
        foreach (var q in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            Math.Abs(TrueRank(sorted, sketch.Quantile(q)) - q).ShouldBeLessThan(Bound, $"quantile {q}");
            Math.Abs(sketch.Cdf(sorted[(int)(q * sorted.Length)]) - q).ShouldBeLessThan(Bound, $"cdf at the true {q} quantile");
        }
    }

    [Fact]
    public void Merged_batch_sketches_answer_like_one_sketch_of_all_values()
    {
        var values = Normal(100_000, 2);
        var merged = new KllSketch(seed: 1);
        for (var part = 0; part < 5; part++)
        {
            var sketch = new KllSketch(seed: 10 + part);
            foreach (var value in values.Skip(part * 20_000).Take(20_000))
            {
                sketch.Add(value);
            }

            // Stored and read back between batches, as the import does.
            merged.Merge(KllSketch.Deserialize(sketch.Serialize()));
        }

        var sorted = values.Order().ToArray();
        merged.Count.ShouldBe(100_000);
        merged.Weighted().Sum(w => w.Weight).ShouldBe(100_000);
        foreach (var q in new[] { 0.01, 0.5, 0.99 })
        {
            Math.Abs(TrueRank(sorted, merged.Quantile(q)) - q).ShouldBeLessThan(Bound, $"quantile {q}");
        }
    }

    [Fact]
    public void A_small_sketch_is_exact_and_round_trips()
    {
        var sketch = new KllSketch(seed: 3);
        foreach (var value in new double[] { 5, 1, 4, 2, 3 })
        {
            sketch.Add(value);
        }

        (sketch.Quantile(0), sketch.Quantile(0.5), sketch.Quantile(1)).ShouldBe((1, 3, 5));
        sketch.Cdf(2).ShouldBe(0.4);
        var copy = KllSketch.Deserialize(sketch.Serialize());
        (copy.Count, copy.Quantile(0.5), copy.K).ShouldBe((5L, 3.0, 200));
        new KllSketch().Quantile(0.5).ShouldBe(double.NaN);
    }
}
