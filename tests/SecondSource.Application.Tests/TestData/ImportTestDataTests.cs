using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;
using SecondSource.Testing;
using TestResult = SecondSource.Domain.TestData.TestResult;

namespace SecondSource.Application.Tests.TestData;

/// <summary>The test-data import on each provider: compact runs, exact merged statistics, idempotency, all-or-nothing files, party isolation.</summary>
public sealed class ImportTestDataTests
{
    private sealed record Demo(TestDatabase Database, Guid Product, LineRef Vistula, LineRef PearlRiver) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();

        public async Task<T> AsAsync<T>(PartyScope scope, Func<IServiceProvider, Task<T>> act)
        {
            await using var services = Database.BuildServices(scope);
            await using var serviceScope = services.CreateAsyncScope();
            return await act(serviceScope.ServiceProvider);
        }

        public Task<Result<TestDataImportSummary>> ImportAsync(string csv, string name = "log.csv", PartyScope? scope = null, Guid? line = null) =>
            AsAsync(scope ?? PartyScope.Unrestricted, s => s.GetRequiredService<ImportTestDataHandler>().HandleAsync(
                new ImportTestDataRequest(() => new MemoryStream(Encoding.UTF8.GetBytes(csv)), name, line ?? Vistula.Id, "test"), CancellationToken.None));

        public Task<T> DbAsync<T>(Func<SecondSourceDbContext, Task<T>> query) => AsAsync(PartyScope.Unrestricted, s => query(s.GetRequiredService<SecondSourceDbContext>()));

        /// <summary>Rows of the batches this test opened (the demo's own year of test data is left out).</summary>
        public Task<T> OursAsync<T>(Func<SecondSourceDbContext, IQueryable<Guid>, Task<T>> query) =>
            DbAsync(db => query(db, db.TestBatches.Where(b => TestBatchNames.Contains(b.Name)).Select(b => b.Id)));
    }

    private static readonly string[] TestBatchNames = ["P1", "P2", "PR-1"];

    private static async Task<Demo> DemoAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
        var product = await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
        var lines = await scope.ServiceProvider.GetRequiredService<TestDataQueries>().LinesAsync(CancellationToken.None);
        var demo = new Demo(database, product, lines.Single(l => l.Name.StartsWith("Vistula", StringComparison.Ordinal)), lines.Single(l => l.Name.StartsWith("Pearl River", StringComparison.Ordinal)));
        foreach (var (line, name) in new[] { (demo.Vistula, "P1"), (demo.Vistula, "P2"), (demo.PearlRiver, "PR-1") })
        {
            (await scope.ServiceProvider.GetRequiredService<CreateTestBatchHandler>().HandleAsync(
                new CreateTestBatchRequest(product, line.Id, name, BatchKind.Pilot, 500, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), null, "test"), CancellationToken.None)).Failure.ShouldBeNull();
        }

        return demo;
    }

    private const string Header = "serial,batch,station,test_plan,run_start,run_end,run_result,firmware,measurement,value,unit,low,high,result\n";

    /// <summary>A seeded log: units × measurements; every 7th unit fails its first run and passes a retest an hour later.</summary>
    private static (string Csv, Dictionary<string, List<double>> Values) Log(int firstUnit, int units, int measurements, int seed, string batch = "P1")
    {
        var random = new Random(seed);
        var csv = new StringBuilder(Header);
        var values = new Dictionary<string, List<double>>();
        for (var u = firstUnit; u < firstUnit + units; u++)
        {
            var retest = u % 7 == 0;
            foreach (var (hour, result) in retest ? new[] { (8, "Failed"), (9, "Passed") } : [(8, "Passed")])
            {
                var start = new DateTimeOffset(2026, 11, 20, hour, 0, 0, TimeSpan.Zero).AddSeconds(u).ToString("O", CultureInfo.InvariantCulture);
                for (var m = 0; m < measurements; m++)
                {
                    var value = 3.3 + random.NextDouble() * 0.02 - 0.01;
                    var failed = result == "Failed" && m == 0;
                    if (failed)
                    {
                        value = 3.5;
                    }

                    if (hour == 8)
                    {
                        // First runs only: the batch statistics are first-pass data.
                        (values.TryGetValue($"M{m}", out var list) ? list : values[$"M{m}"] = []).Add(value);
                    }

                    csv.Append(CultureInfo.InvariantCulture, $"VE-{u:D5},{batch},FCT-T9,TP-4,{start},,{result},2.4.1,M{m},{value.ToString("R", CultureInfo.InvariantCulture)},V,3.2,3.4,{(failed ? "Failed" : "Passed")}\n");
                }
            }
        }

        return (csv.ToString(), values);
    }

    [Theory, DatabaseProviders]
    public async Task Runs_are_stored_compactly_and_the_merged_batch_statistics_equal_the_raw_values(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var (first, firstValues) = Log(0, 40, 20, 1);
        var (second, secondValues) = Log(40, 30, 20, 2);

        var a = (await demo.ImportAsync(first, "a.csv")).Value!;
        var b = (await demo.ImportAsync(second, "b.csv")).Value!;

        (a.Runs, a.NewUnits, a.Measurements).ShouldBe((46, 40, 920L));
        (b.Runs, b.NewUnits).ShouldBe((34, 30));
        var batch = (await demo.AsAsync(PartyScope.Unrestricted, s => s.GetRequiredService<TestDataQueries>().BatchesAsync(demo.Product, CancellationToken.None))).Single(x => x.Name == "P1");
        (batch.UnitsTested, batch.FirstPassPassed, batch.FinalPassed, batch.Runs).ShouldBe((70, 60, 70, 80L));

        var statistics = await demo.AsAsync(PartyScope.Unrestricted, s => s.GetRequiredService<TestDataQueries>().StatisticsAsync(batch.Id, CancellationToken.None));
        statistics.Count.ShouldBe(20);
        foreach (var statistic in statistics)
        {
            var raw = firstValues[statistic.Name].Concat(secondValues[statistic.Name]).ToArray();
            var reference = MomentAggregate.Of(raw);
            statistic.Count.ShouldBe(raw.Length);
            statistic.Mean.ShouldBe(raw.Average(), 1e-12);
            statistic.M2.ShouldBe(reference.M2, reference.M2 * 1e-10);
            (statistic.Min, statistic.Max, statistic.Unit, statistic.Low, statistic.High).ShouldBe((raw.Min(), raw.Max(), "V", 3.2, 3.4));

            // Fewer values than the sketch's first compaction: the merged sketch is exact.
            var quantiles = statistic.Quantiles()!;
            quantiles.Count.ShouldBe(raw.Length);
            quantiles.Quantile(0.5).ShouldBe(raw.Order().ElementAt((raw.Length + 1) / 2 - 1));
        }

        statistics.Single(s => s.Name == "M0").ShouldSatisfyAllConditions(s => s.Failed.ShouldBe(10), s => s.Passed.ShouldBe(60));

        var run = await demo.DbAsync(db => db.TestRuns.FirstAsync(r => r.Result == TestResult.Failed && r.Station == "FCT-T9"));
        var (values, results) = RunValues.Decode(run.Values);
        (values.Length, values[0], results[0], results[1]).ShouldBe((20, 3.5, TestResult.Failed, TestResult.Passed));
        (await demo.OursAsync((db, ours) => db.TestRuns.Where(r => ours.Contains(r.BatchId)).Select(r => r.SetId).Distinct().CountAsync())).ShouldBe(1, "every run has the same shape");
    }

    [Theory, DatabaseProviders]
    public async Task A_batch_tally_is_kept_by_each_import_and_equals_its_units_when_a_retest_arrives_in_a_later_file(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        // Unit 7 fails its first run in a.csv; its passing retest comes a day later in b.csv, with a new unit of P2.
        var failedOnly = string.Join('\n', Log(0, 10, 2, 6).Csv.Split('\n').Where(l => !l.Contains("T09:00:07", StringComparison.Ordinal)));
        (await demo.ImportAsync(failedOnly, "a.csv")).Failure.ShouldBeNull();
        async Task<(int, int, int, long)> TallyAsync(string name) =>
            (await demo.DbAsync(db => db.TestBatches.Where(b => b.Name == name).Select(b => new { b.UnitsTested, b.FirstPassUnits, b.FinalPassUnits, b.RunsRecorded }).SingleAsync())) is var t
                ? (t.UnitsTested, t.FirstPassUnits, t.FinalPassUnits, t.RunsRecorded) : default;
        async Task<(int, int, int, long)> CountedAsync(string name) => await demo.DbAsync(async db =>
        {
            var units = await db.TestUnits.Where(u => db.TestBatches.Any(b => b.Id == u.BatchId && b.Name == name)).ToListAsync();
            return (units.Count(u => u.Runs > 0), units.Count(u => u.Runs > 0 && u.FirstResult == TestResult.Passed), units.Count(u => u.Runs > 0 && u.LastResult == TestResult.Passed), units.Sum(u => (long)u.Runs));
        });

        (await TallyAsync("P1")).ShouldBe((10, 8, 9, 11L), "units 0 and 7 failed first; unit 0 passed its retest, unit 7 has none yet");
        var retest = Header + "VE-00007,P1,FCT-T9,TP-4,2026-11-21T09:00:00Z,,Passed,2.4.1,M0,3.3,V,3.2,3.4,Passed\n" +
                     "VE-00100,P2,FCT-T9,TP-4,2026-11-21T10:00:00Z,,Passed,2.4.1,M0,3.3,V,3.2,3.4,Passed\n";
        (await demo.ImportAsync(retest, "b.csv")).Failure.ShouldBeNull();
        (await TallyAsync("P1")).ShouldBe((10, 8, 10, 12L), "the retest in the later file moves P1's final pass");
        (await TallyAsync("P1")).ShouldBe(await CountedAsync("P1"));
        (await TallyAsync("P2")).ShouldBe((1, 1, 1, 1L));
        (await TallyAsync("PR-1")).ShouldBe((0, 0, 0, 0L), "a batch no file touched");
        foreach (var name in await demo.DbAsync(db => db.TestBatches.Select(b => b.Name).ToListAsync()))
        {
            (await TallyAsync(name)).ShouldBe(await CountedAsync(name), $"the demo's batch {name}, imported through the same path");
        }
    }

    [Theory, DatabaseProviders]
    public async Task The_same_file_twice_changes_nothing_and_an_overlapping_file_skips_the_stored_runs(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var (log, _) = Log(0, 20, 5, 3);
        (await demo.ImportAsync(log)).Value!.Runs.ShouldBe(23);

        (await demo.ImportAsync(log, "copy.csv")).Value!.AlreadyImported.ShouldBeTrue();
        var overlapping = (await demo.ImportAsync(log + Log(20, 5, 5, 4).Csv[Header.Length..], "more.csv")).Value!;

        (overlapping.Runs, overlapping.SkippedRuns, overlapping.NewUnits).ShouldBe((6, 23, 5));
        (await demo.OursAsync((db, ours) => db.TestRuns.CountAsync(r => ours.Contains(r.BatchId)))).ShouldBe(29);
        (await demo.DbAsync(db => db.TestDataImports.CountAsync(i => i.ImportedBy == "test"))).ShouldBe(2);
        (await demo.OursAsync((db, ours) => db.BatchStatistics.Where(s => s.Name == "M1" && ours.Contains(s.BatchId)).Select(s => s.Count).SingleAsync())).ShouldBe(25L, "skipped runs are not counted twice, retests not at all");
    }

    [Theory, DatabaseProviders]
    public async Task A_file_refused_after_its_first_chunks_leaves_nothing(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var (log, _) = Log(0, 2_300, 1, 5);
        var broken = log + "VE-99999,P1,FCT-T9,TP-4,2026-11-21T08:00:00Z,,Passed,2.4.1,M0,3.3,V,3.4,3.2,Passed\n";

        var refused = await demo.ImportAsync(broken, "broken.csv");

        refused.Failure!.Message.ShouldBe($"broken.csv, line {Header.Count(c => c == '\n') + log.Count(c => c == '\n')}, field low: the limits are reversed (low 3.4 above high 3.2)");
        (await demo.OursAsync((db, ours) => db.TestRuns.CountAsync(r => ours.Contains(r.BatchId)))).ShouldBe(0);
        (await demo.OursAsync((db, ours) => db.TestUnits.CountAsync(u => ours.Contains(u.BatchId)))).ShouldBe(0);
        (await demo.OursAsync((db, ours) => db.BatchStatistics.CountAsync(s => ours.Contains(s.BatchId)))).ShouldBe(0);
        (await demo.DbAsync(db => db.TestDataImports.CountAsync(i => i.ImportedBy == "test"))).ShouldBe(0);
        (await demo.ImportAsync(log, "fixed.csv")).Value!.Runs.ShouldBe(2_300 + 2_300 / 7 + 1);
    }

    [Theory, DatabaseProviders]
    public async Task An_unknown_batch_or_a_unit_moving_batches_is_refused_naming_the_line(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);

        (await demo.ImportAsync(Log(0, 2, 2, 6, batch: "P9").Csv)).Failure!.Message.ShouldBe("log.csv, line 2, field batch: there is no batch 'P9' on this line; create it first (secondsource testdata batch add)");
        (await demo.ImportAsync(Log(0, 2, 2, 6).Csv)).Failure.ShouldBeNull();
        var moved = Log(1, 1, 2, 7, batch: "P2").Csv.Replace("2026-11-20T08", "2026-11-22T08", StringComparison.Ordinal);
        (await demo.ImportAsync(moved, "moved.csv")).Failure!.Message.ShouldContain("field batch: unit VE-00001 belongs to another batch of this line, not to 'P2'");
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_imports_for_its_own_lines_only(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var vistula = PartyScope.For(demo.Vistula.PartyId);

        (await demo.ImportAsync(Log(0, 3, 2, 8, batch: "PR-1").Csv, scope: vistula, line: demo.PearlRiver.Id)).Failure!.Kind.ShouldBe(FailureKind.NotFound);
        (await demo.ImportAsync(Log(0, 3, 2, 8).Csv, scope: vistula)).Value!.Runs.ShouldBe(4);

        (await demo.OursAsync((db, ours) => db.TestRuns.Where(r => ours.Contains(r.BatchId)).Select(r => r.PartyId).Distinct().ToListAsync())).ShouldBe([demo.Vistula.PartyId]);
        (await demo.AsAsync(PartyScope.For(demo.PearlRiver.PartyId), s => s.GetRequiredService<SecondSourceDbContext>().TestRuns.CountAsync(r => r.Station == "FCT-T9"))).ShouldBe(0, "the primary sees nothing of the second line's runs");
    }

    [Theory, DatabaseProviders]
    public async Task The_same_file_sent_twice_at_once_is_stored_once_and_neither_import_fails(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        var (log, _) = Log(0, 600, 20, 9);

        var results = await Task.WhenAll(Task.Run(() => demo.ImportAsync(log, "first.csv")), Task.Run(() => demo.ImportAsync(log, "second.csv")));

        results.ShouldAllBe(r => r.Failure == null || r.Failure.Kind == FailureKind.Conflict);
        results.Count(r => r.Value is { AlreadyImported: false }).ShouldBe(1);
        (await demo.OursAsync((db, ours) => db.TestRuns.CountAsync(r => ours.Contains(r.BatchId)))).ShouldBe(600 + 600 / 7 + 1);
        (await demo.DbAsync(db => db.TestDataImports.CountAsync(i => i.ImportedBy == "test"))).ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task Stations_sending_different_units_into_one_batch_at_once_are_all_stored(DatabaseProvider provider)
    {
        // Six imports meet on the batch's statistics rows; a loser is rolled back and runs again by itself.
        await using var demo = await DemoAsync(provider);
        var logs = Enumerable.Range(0, 6).Select(i => Log(i * 40, 40, 12, 20 + i).Csv).ToList();

        var results = await Task.WhenAll(logs.Select((log, i) => Task.Run(() => demo.ImportAsync(log, $"station-{i}.csv"))));

        results.ShouldAllBe(r => r.Failure == null, string.Join("; ", results.Select(r => r.Failure?.Message)));
        (await demo.OursAsync((db, ours) => db.TestUnits.CountAsync(u => ours.Contains(u.BatchId)))).ShouldBe(240);
    }

    [Theory, DatabaseProviders]
    public async Task A_serial_tested_on_both_lines_is_traced_on_each_and_reconciliation_names_it(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        (await demo.ImportAsync(Log(0, 8, 3, 10).Csv)).Failure.ShouldBeNull();
        (await demo.ImportAsync(Log(0, 2, 3, 11, batch: "PR-1").Csv, line: demo.PearlRiver.Id)).Failure.ShouldBeNull();

        var queries = (Func<IServiceProvider, TestDataQueries>)(s => s.GetRequiredService<TestDataQueries>());
        var reconciliation = await demo.AsAsync(PartyScope.Unrestricted, s => queries(s).ReconcileAsync(demo.Product, CancellationToken.None));
        var traces = await demo.AsAsync(PartyScope.Unrestricted, s => queries(s).UnitAsync("VE-00000", CancellationToken.None));
        var ownTrace = await demo.AsAsync(PartyScope.For(demo.Vistula.PartyId), s => queries(s).UnitAsync("VE-00000", CancellationToken.None));

        reconciliation.SerialsOnSeveralLines.Select(s => s.Serial).ShouldBe(["VE-00000", "VE-00001"]);
        reconciliation.SerialsOnSeveralLines[0].Lines.Count.ShouldBe(2);
        reconciliation.CountMismatches.Select(b => b.Name).ShouldContain("P1", "8 of 500 tested");
        traces.Select(t => t.Batch).Order().ShouldBe(["P1", "PR-1"]);
        traces.Single(t => t.Batch == "P1").ShouldSatisfyAllConditions(
            t => t.Runs.Count.ShouldBe(2, "unit 0 fails once and passes its retest"),
            t => t.Runs[0].Measurements.Select(m => m.Name).ShouldBe(["M0", "M1", "M2"]),
            t => t.Runs[0].Measurements[0].ShouldSatisfyAllConditions(m => m.Value.ShouldBe(3.5), m => m.Result.ShouldBe(TestResult.Failed), m => m.Unit.ShouldBe("V")));
        ownTrace.ShouldHaveSingleItem().Batch.ShouldBe("P1", "a manufacturer traces its own line's unit only");
    }

    [Theory, DatabaseProviders]
    public async Task A_serial_on_two_manufacturers_lines_is_one_fact_each_sees_with_the_other_line_unnamed(DatabaseProvider provider)
    {
        // Before: each manufacturer's reconciliation was computed on its own units only and found no shared serial at all.
        await using var demo = await DemoAsync(provider);
        (await demo.ImportAsync(Log(0, 8, 3, 10).Csv)).Failure.ShouldBeNull();
        (await demo.ImportAsync(Log(0, 2, 3, 11, batch: "PR-1").Csv, line: demo.PearlRiver.Id)).Failure.ShouldBeNull();
        (await demo.ImportAsync(Log(5000, 3, 3, 12, batch: "PR-1").Csv, line: demo.PearlRiver.Id)).Failure.ShouldBeNull();

        Task<Reconciliation> As(PartyScope scope) => demo.AsAsync(scope, s => s.GetRequiredService<TestDataQueries>().ReconcileAsync(demo.Product, CancellationToken.None));
        var buyer = await As(PartyScope.Unrestricted);
        var primary = await As(PartyScope.For(demo.Vistula.PartyId));
        var second = await As(PartyScope.For(demo.PearlRiver.PartyId));

        buyer.SharedSerials.ShouldBe(2);
        buyer.SerialsOnSeveralLines.ShouldAllBe(s => s.Lines.SequenceEqual(new[] { demo.PearlRiver.Name, demo.Vistula.Name }));
        foreach (var (view, own, other) in new[] { (primary, demo.Vistula, demo.PearlRiver), (second, demo.PearlRiver, demo.Vistula) })
        {
            view.SharedSerials.ShouldBe(2, "the same serials as the buyer's, found over both lines");
            view.SerialsOnSeveralLines.Select(s => s.Serial).ShouldBe(["VE-00000", "VE-00001"]);
            view.SerialsOnSeveralLines.ShouldAllBe(s => s.Lines.Count == 2 && s.Lines.Contains(own.Name) && s.Lines.Contains(Reconciliation.AnotherLine));
            view.SerialsOnSeveralLines.SelectMany(s => s.Lines).ShouldNotContain(other.Name, "the other manufacturer's line is never named");
        }
    }

    [Theory, DatabaseProviders]
    public async Task More_shared_serials_than_are_listed_are_all_counted(DatabaseProvider provider)
    {
        await using var demo = await DemoAsync(provider);
        (await demo.ImportAsync(Log(0, Reconciliation.ListedSerials + 5, 1, 13).Csv)).Failure.ShouldBeNull();
        (await demo.ImportAsync(Log(0, Reconciliation.ListedSerials + 5, 1, 14, batch: "PR-1").Csv, line: demo.PearlRiver.Id)).Failure.ShouldBeNull();

        var second = await demo.AsAsync(PartyScope.For(demo.PearlRiver.PartyId), s => s.GetRequiredService<TestDataQueries>().ReconcileAsync(demo.Product, CancellationToken.None));

        second.SharedSerials.ShouldBe(Reconciliation.ListedSerials + 5);
        second.SerialsOnSeveralLines.Count.ShouldBe(Reconciliation.ListedSerials);
    }
}
