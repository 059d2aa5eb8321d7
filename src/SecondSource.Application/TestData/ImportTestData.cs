using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;
using SecondSource.Formats.TestData;

namespace SecondSource.Application.TestData;

/// <summary>The test-log formats the import reads.</summary>
public enum TestLogFormat
{
    /// <summary>Decide from the content: JSON (starts with '{') is CFX, anything else the long CSV.</summary>
    Detect = 0,
    LongCsv = 1,
    Cfx = 2,
}

/// <summary>
/// A test-data file to import for a line: how to open it (it is read twice: hash, then content), its name, its format,
/// and for CFX (which names no batch) the batch its units belong to.
/// </summary>
public sealed record ImportTestDataRequest(Func<Stream> Open, string FileName, Guid LineId, string By, IProgress<long>? BytesRead = null)
{
    public TestLogFormat Format { get; init; } = TestLogFormat.Detect;

    public string? Batch { get; init; }
}

/// <summary>What an import stored (or that the same file was already imported, and nothing changed).</summary>
public sealed record TestDataImportSummary(string FileName, bool AlreadyImported, int Runs, int SkippedRuns, int NewUnits, long Measurements, IReadOnlyList<string> Batches)
{
    public int Defects { get; init; }
}

/// <summary>
/// Imports one long-CSV test log for a line in one transaction: units resolved per chunk of runs, runs written through
/// the provider's bulk path (prepared INSERT on SQLite, binary COPY on PostgreSQL) with their values as one compact
/// blob each, batch statistics merged (Welford/Chan) into the stored ones. The same file twice changes nothing (by
/// SHA-256); a run already stored (same unit, start and station) is skipped; anything malformed refuses the whole
/// file with its line and field, and nothing of it is stored.
/// </summary>
public sealed class ImportTestDataHandler(SecondSourceDbContext db, TimeProvider clock, SqliteWriteGate gate)
{
    private const int ChunkRuns = 2_000;

    /// <summary>How often an import that lost a race with another import of the line is tried again before the caller is told.</summary>
    public const int Attempts = 3;

    public async Task<Result<TestDataImportSummary>> HandleAsync(ImportTestDataRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Two stations' imports into one batch meet on its statistics rows; the one that loses is rolled back whole and
        // simply runs again (its runs already stored by the other are skipped), so a station rarely sees the conflict.
        for (var attempt = 1; ; attempt++)
        {
            var result = await ImportOnceAsync(request, ct);
            if (result is not null)
            {
                return result;
            }

            if (attempt == Attempts)
            {
                return Fail.Conflict($"{request.FileName}: other imports for this line kept storing the same batch at the same moment ({Attempts} attempts); nothing of this file is stored. Send it again: runs already stored are skipped.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), ct);
        }
    }

    /// <summary>One attempt; null when it lost a race with another import and nothing of it was stored.</summary>
    private async Task<Result<TestDataImportSummary>?> ImportOnceAsync(ImportTestDataRequest request, CancellationToken ct)
    {
        var line = await db.Lines.AsNoTracking().Where(l => l.Id == request.LineId).Select(l => new { l.Id, l.PartyId, l.Name }).SingleOrDefaultAsync(ct);
        if (line is null)
        {
            return Fail.NotFound("There is no such line.");
        }

        string sha;
        await using (var content = request.Open())
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        }

        if (await db.TestDataImports.AnyAsync(i => i.PartyId == line.PartyId && i.Sha256 == sha, ct))
        {
            return Result.Ok(new TestDataImportSummary(request.FileName, true, 0, 0, 0, 0, []));
        }

        var format = request.Format;
        if (format == TestLogFormat.Detect)
        {
            await using var peek = request.Open();
            format = await LooksLikeJsonAsync(peek, ct) ? TestLogFormat.Cfx : TestLogFormat.LongCsv;
        }

        if (format == TestLogFormat.Cfx && string.IsNullOrWhiteSpace(request.Batch))
        {
            return Fail.Invalid($"{request.FileName}: a CFX message names no batch; say which batch its units belong to.");
        }

        var state = new ImportState(line.Id, line.PartyId);
        // One transaction per file; inside a caller's transaction (the demo seed) a savepoint stands in for it.
        var ambient = db.Database.CurrentTransaction;
        using var turn = ambient is null ? await gate.EnterAsync(ct) : null;
        await using var owned = ambient is null ? await db.Database.BeginTransactionAsync(ct) : null;
        const string Savepoint = "test_data_import";
        if (ambient is not null)
        {
            await ambient.CreateSavepointAsync(Savepoint, ct);
        }

        try
        {
            await using (var content = request.Open())
            {
                var chunk = new List<TestRunRecord>(ChunkRuns);
                var runs = format == TestLogFormat.Cfx ? CfxUnitsTested.Read(content, request.FileName, request.Batch!.Trim()) : LongCsvTestLog.Read(content, request.FileName);
                foreach (var run in runs)
                {
                    chunk.Add(run);
                    if (chunk.Count == ChunkRuns)
                    {
                        await WriteChunkAsync(state, chunk, request.FileName, ct);
                        request.BytesRead?.Report(content.Position);
                        chunk.Clear();
                    }
                }

                await WriteChunkAsync(state, chunk, request.FileName, ct);
                request.BytesRead?.Report(content.Position);
            }

            state.Statistician.Writer.Complete();
            await state.StatisticsDone;
            await MergeStatisticsAsync(state, ct);
            await TallyBatchesAsync(state, ct);
            db.TestDataImports.Add(TestDataImport.Record(line.PartyId, line.Id, sha, request.FileName, format == TestLogFormat.Cfx ? "cfx" : "long-csv", state.Runs, state.NewUnits, state.Measurements, clock.GetUtcNow(), request.By));
            await db.SaveChangesAsync(ct);
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }
            else
            {
                await ambient!.ReleaseSavepointAsync(Savepoint, ct);
            }
        }
        catch (Exception ex) when (ex is TestLogException or DomainException)
        {
            if (ambient is not null)
            {
                await ambient.RollbackToSavepointAsync(Savepoint, ct);
            }

            return Fail.Invalid(ex is TestLogException ? ex.Message : $"{request.FileName}: {ex.Message}");
        }
        catch (Exception ex) when (RacedAnotherImport(ex))
        {
            // Another import of the same line committed first (the same file sent twice at once, or overlapping runs).
            if (ambient is not null)
            {
                await ambient.RollbackToSavepointAsync(Savepoint, ct);
            }
            else
            {
                await owned!.RollbackAsync(ct);
            }

            db.ChangeTracker.Clear();
            return await db.TestDataImports.AnyAsync(i => i.PartyId == line.PartyId && i.Sha256 == sha, ct)
                ? Result.Ok(new TestDataImportSummary(request.FileName, true, 0, 0, 0, 0, []))
                : null;
        }
        finally
        {
            // The statistics task ends with the import, whatever happened (a refusal leaves it nothing to merge).
            state.Statistician.Writer.TryComplete();
            await state.StatisticsDone.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            db.ChangeTracker.Clear();
        }

        return Result.Ok(new TestDataImportSummary(request.FileName, false, state.Runs, state.Skipped, state.NewUnits, state.Measurements, [.. state.Batches.Values.Select(b => b.Name)]) { Defects = state.Defects });
    }

    private async Task WriteChunkAsync(ImportState state, List<TestRunRecord> chunk, string file, CancellationToken ct)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        // Batches and units this chunk names: from memory, else from the database (under the party filter), else new units.
        foreach (var name in chunk.Select(r => r.Batch).Distinct().Where(n => !state.Batches.ContainsKey(n)))
        {
            state.Batches[name] = await db.TestBatches.AsNoTracking().SingleOrDefaultAsync(b => b.LineId == state.LineId && b.Name == name, ct)
                ?? throw new TestLogException(file, $"line {chunk.First(r => r.Batch == name).Line.ToString(CultureInfo.InvariantCulture)}", "batch",
                    $"there is no batch '{name}' on this line; create it first (secondsource testdata batch add)");
        }

        var unknown = chunk.Select(r => r.Serial).Distinct().Where(s => !state.Units.ContainsKey(s)).ToList();
        var created = new List<TestUnit>();
        if (unknown.Count > 0)
        {
            var existing = await db.TestUnits.Where(u => u.LineId == state.LineId && unknown.Contains(u.Serial)).ToListAsync(ct);
            var existingIds = existing.Select(u => u.Id).ToList();
            foreach (var run in await db.TestRuns.AsNoTracking().Where(r => existingIds.Contains(r.UnitId)).Select(r => new { r.UnitId, r.StartedAt, r.Station, r.TestPlan }).ToListAsync(ct))
            {
                state.RunKeys.Add((run.UnitId, run.StartedAt.UtcTicks, run.Station));
                state.IsFirstOfStep(run.UnitId, run.TestPlan ?? run.Station, run.StartedAt);
            }

            foreach (var unit in existing)
            {
                state.Units[unit.Serial] = unit;
            }

            foreach (var serial in unknown.Where(s => !state.Units.ContainsKey(s)))
            {
                var first = chunk.First(r => r.Serial == serial);
                var unit = TestUnit.Create(state.Batches[first.Batch], serial, first.Firmware, first.PanelPosition);
                state.Units[serial] = unit;
                created.Add(unit);
            }
        }

        // Shapes: one measurement set per distinct shape, found or stored before the runs that refer to it.
        foreach (var shape in chunk.Select(r => r.Definitions).Distinct(ReferenceEqualityComparer.Instance).Cast<MeasurementDefinition[]>().Where(s => !state.Sets.ContainsKey(s)))
        {
            var hash = MeasurementSet.HashOf(shape);
            var set = await db.MeasurementSets.AsNoTracking().SingleOrDefaultAsync(s => s.PartyId == state.PartyId && s.Hash == hash, ct);
            if (set is null)
            {
                set = MeasurementSet.Of(state.PartyId, shape);
                db.MeasurementSets.Add(set);
                await db.SaveChangesAsync(ct);
            }

            state.Sets[shape] = set.Id;
        }

        // The chunk's runs, with their units' first and last results taken in before new units are written.
        var rows = new List<TestRun>(chunk.Count);
        var defects = new List<TestDefect>();
        var accepted = new List<(Guid BatchId, TestRunRecord Run)>(chunk.Count);
        foreach (var record in chunk)
        {
            var unit = state.Units[record.Serial];
            var batch = state.Batches[record.Batch];
            if (unit.BatchId != batch.Id)
            {
                throw new TestLogException(file, $"line {record.Line.ToString(CultureInfo.InvariantCulture)}", "batch", $"unit {record.Serial} belongs to another batch of this line, not to '{batch.Name}'");
            }

            if (!state.RunKeys.Add((unit.Id, record.Start.UtcTicks, record.Station)))
            {
                state.Skipped++;
                continue;
            }

            var attributes = record.Attributes is null ? null : JsonSerializer.Serialize(record.Attributes);
            var run = TestRun.Create(unit, record.Station, record.TestPlan, record.Start, record.End, record.Result, state.Sets[record.Definitions],
                RunValues.Encode(record.Values, record.Results), attributes);
            rows.Add(run);
            defects.AddRange(record.Defects.Select(d => TestDefect.Of(run, d.Category, d.Code, d.Designator, d.Description)));
            unit.Record(record.Start, record.Result, record.Firmware);
            if (state.IsFirstOfStep(unit.Id, record.TestPlan ?? record.Station, record.Start))
            {
                // First-pass data only (research note, data hygiene rule 2): a retest of the step does not enter the statistics.
                accepted.Add((batch.Id, record));
            }

            state.Runs++;
            state.Measurements += record.Values.Length;
        }

        if (created.Count > 0)
        {
            await using (var units = await BulkWriter.OpenAsync<TestUnit>(db, ct))
            {
                foreach (var unit in created)
                {
                    await units.AddAsync(unit, ct);
                }

                await units.CompleteAsync(ct);
            }

            // Tracked from here on: a later chunk's run of the same unit updates it with that chunk's save.
            db.TestUnits.AttachRange(created);
            state.NewUnits += created.Count;
        }

        await using (var runs = await BulkWriter.OpenAsync<TestRun>(db, ct))
        {
            foreach (var run in rows)
            {
                await runs.AddAsync(run, ct);
            }

            await runs.CompleteAsync(ct);
        }

        // The statistics of the chunk's first runs are computed on the other core while the next chunk is read and written.
        await state.Statistician.Writer.WriteAsync(accepted, ct);

        // Defects (few) go through EF with the units already stored whose first or last run changed.
        db.TestDefects.AddRange(defects);
        state.Defects += defects.Count;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Each batch the file touched gets its tally again from its units, in the import's transaction: units tested, first
    /// and final pass, runs. Read by the batch lists, health and reviews instead of counting every unit of a product's
    /// history on each showing; the cost is the touched batches' units, once per import.
    /// </summary>
    private async Task TallyBatchesAsync(ImportState state, CancellationToken ct)
    {
        foreach (var batch in state.Batches.Values)
        {
            var id = batch.Id;
            var tally = await db.TestUnits.AsNoTracking().Where(u => u.BatchId == id).GroupBy(u => u.BatchId).Select(g => new
            {
                Tested = g.Count(u => u.Runs > 0),
                FirstPass = g.Count(u => u.Runs > 0 && u.FirstResult == TestResult.Passed),
                Final = g.Count(u => u.Runs > 0 && u.LastResult == TestResult.Passed),
                Runs = g.Sum(u => (long)u.Runs),
            }).SingleOrDefaultAsync(ct);
            var (tested, firstPass, final, runs) = tally is null ? (0, 0, 0, 0L) : (tally.Tested, tally.FirstPass, tally.Final, tally.Runs);
            await db.TestBatches.Where(b => b.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(b => b.UnitsTested, tested)
                .SetProperty(b => b.FirstPassUnits, firstPass)
                .SetProperty(b => b.FinalPassUnits, final)
                .SetProperty(b => b.RunsRecorded, runs), ct);
        }
    }

    /// <summary>A unique key taken by a concurrent import, or SQLite's refusal to write from an outdated snapshot.</summary>
    private static bool RacedAnotherImport(Exception ex) =>
        (ex is DbUpdateException { InnerException: { } inner } ? inner : ex)
            is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 or 5 } or Npgsql.PostgresException { SqlState: "23505" or "40001" };

    internal static async Task<bool> LooksLikeJsonAsync(Stream content, CancellationToken ct)
    {
        var buffer = new byte[64];
        var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        foreach (var b in buffer.AsSpan(0, read))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    private async Task MergeStatisticsAsync(ImportState state, CancellationToken ct)
    {
        var batchIds = state.Statistics.Keys.Select(k => k.BatchId).Distinct().ToList();
        var stored = (await db.BatchStatistics.Where(s => batchIds.Contains(s.BatchId)).ToListAsync(ct))
            .ToDictionary(s => (s.BatchId, s.Name, s.Unit, s.LimitsKey));
        foreach (var ((batchId, shape), accumulators) in state.Statistics)
        {
            for (var i = 0; i < shape.Length; i++)
            {
                var definition = shape[i];
                var key = (batchId, definition.Name, definition.Unit, BatchMeasurementStatistic.KeyOf(definition.Low, definition.High));
                if (!stored.TryGetValue(key, out var statistic))
                {
                    statistic = BatchMeasurementStatistic.Create(batchId, state.PartyId, definition);
                    db.BatchStatistics.Add(statistic);
                    stored[key] = statistic;
                }

                statistic.Merge(accumulators.Moments[i], accumulators.Sketches[i], accumulators.Passed[i], accumulators.Failed[i]);
            }
        }
    }

    /// <summary>What one import has seen so far.</summary>
    private sealed class ImportState
    {
        public ImportState(Guid lineId, Domain.Parties.PartyId partyId)
        {
            LineId = lineId;
            PartyId = partyId;
            Statistician = Channel.CreateBounded<List<(Guid BatchId, TestRunRecord Run)>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            StatisticsDone = Task.Run(async () =>
            {
                await foreach (var chunk in Statistician.Reader.ReadAllAsync())
                {
                    foreach (var (batchId, run) in chunk)
                    {
                        Accumulate(batchId, run);
                    }
                }
            });
        }

        /// <summary>Chunks of accepted runs on their way to <see cref="Accumulate"/>, which runs on its own task.</summary>
        public Channel<List<(Guid BatchId, TestRunRecord Run)>> Statistician { get; }

        /// <summary>The statistics task: done once the channel is completed and drained.</summary>
        public Task StatisticsDone { get; }

        public Guid LineId { get; }

        public Domain.Parties.PartyId PartyId { get; }

        public Dictionary<string, TestBatch> Batches { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TestUnit> Units { get; } = new(StringComparer.Ordinal);

        public Dictionary<MeasurementDefinition[], Guid> Sets { get; } = new(ReferenceEqualityComparer.Instance);

        public HashSet<(Guid, long, string)> RunKeys { get; } = [];

        /// <summary>The earliest run known of each unit and test step (test plan, else station).</summary>
        private Dictionary<(Guid Unit, string Step), long> FirstOfStep { get; } = [];

        /// <summary>True when this run is the earliest known of its unit at this step (it becomes so).</summary>
        public bool IsFirstOfStep(Guid unit, string step, DateTimeOffset start)
        {
            if (FirstOfStep.TryGetValue((unit, step), out var earliest) && earliest <= start.UtcTicks)
            {
                return false;
            }

            FirstOfStep[(unit, step)] = start.UtcTicks;
            return true;
        }

        public Dictionary<(Guid BatchId, MeasurementDefinition[] Shape), Accumulators> Statistics { get; } = new(new BatchShapeComparer());

        public int Runs { get; set; }

        public int Skipped { get; set; }

        public int NewUnits { get; set; }

        public long Measurements { get; set; }

        public int Defects { get; set; }

        public void Accumulate(Guid batchId, TestRunRecord run)
        {
            if (!Statistics.TryGetValue((batchId, run.Definitions), out var accumulators))
            {
                accumulators = new Accumulators(run.Definitions.Length);
                Statistics[(batchId, run.Definitions)] = accumulators;
            }

            for (var i = 0; i < run.Values.Length; i++)
            {
                accumulators.Moments[i].Add(run.Values[i]);
                accumulators.Sketches[i].Add(run.Values[i]);
                if (run.Results[i] == TestResult.Passed)
                {
                    accumulators.Passed[i]++;
                }
                else if (run.Results[i] == TestResult.Failed)
                {
                    accumulators.Failed[i]++;
                }
            }
        }
    }

    private sealed class Accumulators(int count)
    {
        public MomentAggregate[] Moments { get; } = Enumerable.Range(0, count).Select(_ => new MomentAggregate()).ToArray();

        public KllSketch[] Sketches { get; } = Enumerable.Range(0, count).Select(_ => new KllSketch()).ToArray();

        public long[] Passed { get; } = new long[count];

        public long[] Failed { get; } = new long[count];
    }

    private sealed class BatchShapeComparer : IEqualityComparer<(Guid BatchId, MeasurementDefinition[] Shape)>
    {
        public bool Equals((Guid BatchId, MeasurementDefinition[] Shape) x, (Guid BatchId, MeasurementDefinition[] Shape) y) =>
            x.BatchId == y.BatchId && ReferenceEquals(x.Shape, y.Shape);

        public int GetHashCode((Guid BatchId, MeasurementDefinition[] Shape) obj) => HashCode.Combine(obj.BatchId, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Shape));
    }
}
