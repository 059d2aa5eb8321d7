using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.TestData;
using SecondSource.Domain.TestData;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource testdata batch add|batches|import|unit|compare</c>: batches, the bulk import of test logs, traceability, and the comparison of two test-log files.</summary>
internal static class TestDataCommands
{
    private static string Who => $"cli:{Environment.UserName}";

    public static Command Create(CliContext context)
    {
        var testdata = new Command("testdata", "Test data from the lines: batches, test-log import, batch statistics.");
        var batch = new Command("batch", "Batches of a product on a line.");
        batch.Subcommands.Add(AddBatch(context));
        testdata.Subcommands.Add(batch);
        testdata.Subcommands.Add(Batches(context));
        testdata.Subcommands.Add(Import(context));
        testdata.Subcommands.Add(Unit(context));
        testdata.Subcommands.Add(Compare(context));
        testdata.Subcommands.Add(Pilot(context));
        return testdata;
    }

    /// <summary>A line by id or by a unique part of its name (optionally among one party's lines only).</summary>
    internal static Task<LineRef> LineAsync(IServiceProvider services, string which, CancellationToken ct, Domain.Parties.PartyId? party = null) =>
        Resolve.LineAsync(services, which, ct, party);

    private static Command AddBatch(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product: its code, its name or id (a unique part is enough).", Required = true };
        var line = new Option<string>("--line") { Description = "The line: its id, or a unique part of '<manufacturer> / <line>'.", Required = true };
        var name = new Option<string>("--name") { Description = "The batch's name (unique on the line), as test logs name it.", Required = true };
        var kind = new Option<string>("--kind") { Description = "Pilot, Production, Drill or Golden.", DefaultValueFactory = _ => "Production" };
        var quantity = CliValues.IntOption("--quantity", "Units planned in the batch.", 1, 10_000_000, required: true);
        var start = CliValues.InstantOption("--start", "When the batch started", required: true);
        var end = CliValues.InstantOption("--end", "When it ended");
        var add = new Command("add", "Open a batch of a product on a line.") { product, line, name, kind, quantity, start, end };
        add.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(product)!, ct);
            var which = await LineAsync(services, parsed.GetValue(line)!, ct);
            if (!Enum.TryParse<BatchKind>(parsed.GetValue(kind), ignoreCase: true, out var batchKind) || !Enum.IsDefined(batchKind) || int.TryParse(parsed.GetValue(kind), out _))
            {
                throw new CliUsageException($"--kind '{parsed.GetValue(kind)}' is not one of {string.Join(", ", Enum.GetNames<BatchKind>())}.");
            }

            var result = await services.GetRequiredService<CreateTestBatchHandler>().HandleAsync(new CreateTestBatchRequest(target.Id, which.Id, parsed.GetValue(name)!, batchKind,
                parsed.GetValue(quantity), parsed.GetValue(start)!.Value, parsed.GetValue(end), Who), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Batch '{parsed.GetValue(name)!.Trim()}' ({batchKind}, {parsed.GetValue(quantity)} units) of {target.Code} on {which.Name}; id {result.Value}.");
            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command Batches(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code, its name or id (a unique part is enough)." };
        var json = CommandActions.JsonOption();
        var batches = new Command("batches", "A product's batches on every line: units tested, first-pass and final yield.") { product, json };
        batches.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(product)!, ct);
            var rows = await services.GetRequiredService<TestDataQueries>().BatchesAsync(target.Id, ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, rows);
                return ExitCodes.Ok;
            }

            static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "";
            await CliOutput.WriteTableAsync(context.Console.Out, ["Line", "Batch", "Kind", "Quantity", "Tested", "First pass", "Final", "Runs"], rows.Select(b => (IReadOnlyList<string>)
                [b.Line, b.Name, b.Kind.ToString(), b.Quantity.ToString(CultureInfo.InvariantCulture), b.UnitsTested.ToString(CultureInfo.InvariantCulture), Percent(b.FirstPassYield), Percent(b.FinalYield), b.Runs.ToString(CultureInfo.InvariantCulture)]));
            return ExitCodes.Ok;
        });
        return batches;
    }

    private static Command Import(CliContext context)
    {
        var paths = new Argument<string[]>("files") { Description = "Test logs (long CSV, or IPC-CFX UnitsTested JSON), or folders of them (*.csv, *.json, *.jsonl, *.ndjson).", Arity = ArgumentArity.OneOrMore };
        var line = new Option<string>("--line") { Description = "The line that tested the units: its id, or a unique part of '<manufacturer> / <line>'.", Required = true };
        var batch = new Option<string?>("--batch") { Description = "For CFX messages (which name no batch): the batch their units belong to." };
        var import = new Command("import", "Import test logs for a line: one transaction per file; the same file twice changes nothing.") { paths, line, batch };
        import.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var which = await LineAsync(services, parsed.GetValue(line)!, ct);
            var files = new List<string>();
            foreach (var path in parsed.GetValue(paths)!)
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.EnumerateFiles(path).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".csv" or ".json" or ".jsonl" or ".ndjson").Order(StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    throw new CliUsageException($"{path}: there is no such file or folder.");
                }
            }

            var handler = services.GetRequiredService<ImportTestDataHandler>();
            var refused = 0;
            long measurements = 0;
            var watch = Stopwatch.StartNew();
            foreach (var file in files)
            {
                var size = new FileInfo(file).Length;
                var progress = context.Console.ErrorIsTerminal && size > 16 << 20
                    ? new Progress<long>(read => context.Console.Error.Write($"\r{Path.GetFileName(file)}: {read * 100 / Math.Max(1, size)} %"))
                    : null;
                var result = await handler.HandleAsync(new ImportTestDataRequest(() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
                    Path.GetFileName(file), which.Id, Who, progress) { Batch = parsed.GetValue(batch) }, ct);
                if (progress is not null)
                {
                    await context.Console.Error.WriteLineAsync();
                }

                if (result.Failure is { } failure)
                {
                    refused++;
                    await context.Console.Error.WriteLineAsync($"Refused {failure.Message}");
                    continue;
                }

                var summary = result.Value!;
                measurements += summary.Measurements;
                if (parsed.GetValue(batch) is { } named && !summary.AlreadyImported && !summary.Batches.Contains(named.Trim(), StringComparer.Ordinal))
                {
                    await context.Console.Error.WriteLineAsync($"secondsource: warning: --batch had no effect on {summary.FileName}: its rows name their batches ({string.Join(", ", summary.Batches)}); --batch is for IPC-CFX messages, which name none.");
                }

                await context.Console.Out.WriteLineAsync(summary.AlreadyImported
                    ? $"{summary.FileName}: already imported; nothing changed."
                    : $"{summary.FileName}: {summary.Runs} runs ({summary.NewUnits} new units, {summary.Measurements} measurements{(summary.Defects > 0 ? $", {summary.Defects} defects" : "")}) into {string.Join(", ", summary.Batches)}"
                      + (summary.SkippedRuns > 0 ? $"; {summary.SkippedRuns} runs already stored, skipped." : "."));
            }

            watch.Stop();
            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{files.Count - refused} of {files.Count} files imported for {which.Name}: {measurements} measurements in {watch.Elapsed.TotalSeconds:F1} s."));
            return refused == 0 ? ExitCodes.Ok : ExitCodes.UsageOrInput;
        });
        return import;
    }

    private static Command Unit(CliContext context)
    {
        var serial = new Argument<string>("serial") { Description = "The unit's serial number." };
        var json = CommandActions.JsonOption();
        var unit = new Command("unit", "Trace a unit by serial number: line, batch, firmware, every run and value, defects.") { serial, json };
        unit.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var traces = await services.GetRequiredService<TestDataQueries>().UnitAsync(parsed.GetValue(serial)!, ct);
            if (traces.Count == 0)
            {
                throw new CliUsageException($"There is no unit with serial number '{parsed.GetValue(serial)}'; 'secondsource testdata batches PRODUCT' shows the batches and their units.");
            }

            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, traces);
                return ExitCodes.Ok;
            }

            foreach (var trace in traces)
            {
                await context.Console.Out.WriteLineAsync($"{trace.Serial} on {trace.Line}, batch {trace.Batch} ({trace.Kind}), firmware {trace.Firmware ?? "not reported"}, {trace.Runs.Count} runs");
                foreach (var run in trace.Runs)
                {
                    var failed = run.Measurements.Where(m => m.Result != TestResult.Passed).Select(m => $"{m.Name} {m.Value.ToString("G6", CultureInfo.InvariantCulture)} {m.Unit}".TrimEnd());
                    await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {run.Start:yyyy-MM-dd HH:mm:ss} {run.Station} {run.Result}: {run.Measurements.Count} measurements{(failed.Any() ? "; not passed: " + string.Join(", ", failed) : "")}"));
                }

                foreach (var defect in trace.Defects)
                {
                    await context.Console.Out.WriteLineAsync($"  defect: {defect.Category}{(defect.Code is null ? "" : " " + defect.Code)}{(defect.Designator is null ? "" : " at " + defect.Designator)}{(defect.Description is null ? "" : ": " + defect.Description)}");
                }
            }

            return ExitCodes.Ok;
        });
        return unit;
    }

    /// <summary>
    /// <c>testdata compare A B</c>: line equivalence of two test-log files, no database. Exit 1 when a measurement is
    /// different or not comparable, or the yield is shown inferior; 2 for a file that cannot be read.
    /// </summary>
    private static Command Compare(CliContext context)
    {
        var fileA = new Argument<string>("a") { Description = "The reference: a test-log file (long CSV or IPC-CFX UnitsTested), or with --product its batch names, comma-separated." };
        var fileB = new Argument<string>("b") { Description = "The side judged against it: a file, or with --product batch names." };
        var product = new Option<string?>("--product") { Description = "Compare stored batches of this product (code or id) from their statistics, instead of two files." };
        var fraction = CliValues.OptionalNumberOption("--margin-fraction", "Equivalence margin as a fraction of each measurement's spec window (USL − LSL); default 0.1 (stored margins of the product still apply).", 0.0001, 1);
        var alpha = CliValues.NumberOption("--alpha", "Significance level: TOST at α (a 1 − 2α interval), Benjamini–Hochberg at α.", 0.0001, 0.25, 0.05);
        var margins = new Option<string[]>("--margin") { Description = "An absolute margin for one measurement, NAME=VALUE in its base unit (repeatable).", AllowMultipleArgumentsPerToken = false };
        var minimum = CliValues.IntOption("--min-units", "Fewer first-pass values than this on a side is Inconclusive.", 2, 1_000_000, 10);
        var json = new Option<bool>("--json") { Description = "Write the JSON report (docs/equivalence.md) instead of the table." };
        var compare = new Command("compare", "Compare two test-log files (no database) or two sets of a product's batches, measurement by measurement: TOST equivalence, Welch, yield, defects.")
        {
            fileA, fileB, product, fraction, alpha, margins, minimum, json,
        };
        compare.SetAction(async (parsed, ct) =>
        {
            var given = new Dictionary<string, Domain.Statistics.MarginRule>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parsed.GetValue(margins) ?? [])
            {
                var cut = pair.LastIndexOf('=');
                if (cut <= 0 || !double.TryParse(pair[(cut + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
                {
                    throw new CliUsageException($"--margin '{pair}' is not NAME=VALUE with a positive number.");
                }

                given[pair[..cut].Trim()] = Domain.Statistics.MarginRule.OfAbsolute(value);
            }

            var policy = new Domain.Statistics.ComparisonPolicy
            {
                Alpha = parsed.GetValue(alpha), MarginFraction = parsed.GetValue(fraction) ?? 0.1, MinimumUnits = parsed.GetValue(minimum), Margins = given,
            };
            LineComparisonReport report;
            if (parsed.GetValue(product) is { } productName)
            {
                await using var services = context.BuildServices(parsed);
                await using var scope = services.CreateAsyncScope();
                var s = scope.ServiceProvider;
                var target = await CommandActions.ProductAsync(s, productName, ct);
                var batches = await s.GetRequiredService<TestDataQueries>().BatchesAsync(target.Id, ct);
                IReadOnlyList<Guid> Batches(string side, string names) => [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
                {
                    var matching = batches.Where(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
                    return matching.Count == 1
                        ? matching[0].Id
                        : throw new CliUsageException($"{side}: batch '{name}' matches {matching.Count} batches of {target.Code}{(matching.Count > 1 ? $" (on {string.Join(" and ", matching.Select(m => m.Line))})" : "")}.");
                })];
                var stored = await s.GetRequiredService<PilotQueries>().PolicyAsync(target.Id, parsed.GetValue(fraction), ct);
                var result = await s.GetRequiredService<CompareBatchesHandler>().HandleAsync(new CompareBatchesRequest(target.Id, Batches("a", parsed.GetValue(fileA)!), Batches("b", parsed.GetValue(fileB)!),
                    policy with { Margins = stored.Margins.Concat(given).GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase) }), ct);
                if (result.Failure is { } failure)
                {
                    return await context.FailAsync(failure);
                }

                report = result.Value!;
            }
            else
            {
                report = await new CompareTestLogFilesHandler().HandleAsync(new CompareTestLogFilesRequest(parsed.GetValue(fileA)!, parsed.GetValue(fileB)!, policy), ct);
            }

            var console = context.Console;
            if (parsed.GetValue(json))
            {
                using var raw = console.RawOut is null ? new TextWriterStream(console.Out) : null;
                var bytes = console.RawOut ?? raw!;
                ComparisonJson.Write(bytes, report);
                await bytes.FlushAsync(ct);
                await console.Out.WriteLineAsync();
            }
            else
            {
                await WriteComparisonAsync(console.Out, report);
            }

            await console.Out.FlushAsync(ct);
            return report.HasFindings ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return compare;
    }

    private static async Task WriteComparisonAsync(TextWriter o, LineComparisonReport report)
    {
        static string N(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("G5", CultureInfo.InvariantCulture) : "–";
        static string P(double? v) => v is { } x ? (x < 0.0001 ? "<0.0001" : x.ToString("0.0000", CultureInfo.InvariantCulture)) : "–";
        await o.WriteLineAsync($"A (reference): {report.SideA}    B: {report.SideB}    α {report.Policy.Alpha.ToString(CultureInfo.InvariantCulture)}, margin {report.Policy.MarginFraction.ToString(CultureInfo.InvariantCulture)} × spec window unless given, Welch, Benjamini–Hochberg");
        await o.WriteLineAsync();
        var rows = report.Measurements.Select(m => new[]
        {
            m.Name, m.Unit, m.A?.Count.ToString(CultureInfo.InvariantCulture) ?? "–", m.B?.Count.ToString(CultureInfo.InvariantCulture) ?? "–",
            N(m.A?.Mean), N(m.B?.Mean), N(m.Difference), m.ConfidenceLow is null ? "–" : $"[{N(m.ConfidenceLow)}, {N(m.ConfidenceHigh)}]", N(m.Margin),
            P(m.TostP), P(m.AdjustedP), m.Verdict.ToString(),
        }).Prepend(["measurement", "unit", "n A", "n B", "mean A", "mean B", "B − A", "90 % CI", "± margin", "TOST p", "adj. p", "verdict"]).ToList();
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            await o.WriteLineAsync(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        foreach (var m in report.Measurements.Where(m => m.Verdict is Domain.Statistics.ComparisonVerdict.NotComparable or Domain.Statistics.ComparisonVerdict.Inconclusive && m.TostP is null))
        {
            await o.WriteLineAsync($"  {m.Name}: {m.Reason}");
        }

        if (report.OnlyInA.Count > 0)
        {
            await o.WriteLineAsync($"Only in A: {string.Join(", ", report.OnlyInA)}");
        }

        if (report.OnlyInB.Count > 0)
        {
            await o.WriteLineAsync($"Only in B: {string.Join(", ", report.OnlyInB)}");
        }

        await o.WriteLineAsync();
        if (report.Yield is { } y)
        {
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"First-pass yield: A {y.YieldA:P2} of {y.UnitsA}, B {y.YieldB:P2} of {y.UnitsB}; B − A {y.Difference * 100:+0.00;-0.00} pp, 95 % CI [{y.Ci95.Low * 100:0.00}, {y.Ci95.High * 100:0.00}] pp, p {P(y.P)} ({y.Method}); non-inferiority at {y.Margin * 100:0.##} pp: p {P(y.NonInferiorityP)} → {y.Decision}"));
        }

        if (report.Defects is { Test: { } test } d)
        {
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Defect categories: χ² {test.ChiSquare:0.###}, df {test.DegreesOfFreedom}, p {P(test.P)}{(d.OverRepresentedOnB.Count > 0 ? $"; more on B: {string.Join(", ", d.OverRepresentedOnB)}" : "")}{(d.NewOnB.Count > 0 ? $"; new on B: {string.Join(", ", d.NewOnB)}" : "")}"));
        }

        await o.WriteLineAsync(string.Join(", ", report.Summary.Select(kv => $"{kv.Value} {kv.Key.ToString().ToLowerInvariant()}")));
    }

    /// <summary><c>testdata pilot PRODUCT --line L</c>: the pilot gate of a second line; exit 1 while it does not pass.</summary>
    private static Command Pilot(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code, its name or id (a unique part is enough)." };
        var line = new Option<string>("--line") { Description = "The second line: its id, or a unique part of '<manufacturer> / <line>'.", Required = true };
        var json = CommandActions.JsonOption();
        var pilot = new Command("pilot", "The pilot gate of a second line: each reference comparison, the DFM items and the criteria.") { product, line, json };
        pilot.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(product)!, ct);
            var which = await LineAsync(services, parsed.GetValue(line)!, ct);
            var result = await services.GetRequiredService<PilotQueries>().ViewAsync(target.Id, which.Id, ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var view = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new
                {
                    line = view.Line.Name,
                    stage = view.Line.Stage.ToString(),
                    pilot = view.Pilot is { } batch ? new { name = batch.Name, unitsTested = batch.UnitsTested } : null,
                    references = view.References.Select(r => new
                    {
                        label = r.Label,
                        batches = r.Batches,
                        summary = r.Report.Summary.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
                        notEquivalent = r.Report.Measurements.Where(m => m.Verdict is Domain.Statistics.ComparisonVerdict.Different or Domain.Statistics.ComparisonVerdict.NotComparable)
                            .Select(m => new { name = m.Name, verdict = m.Verdict.ToString(), reason = m.Reason }),
                    }),
                    dfm = view.Dfm.Select(d => new { status = d.Status.ToString(), category = d.Category.ToString(), title = d.Title, measurement = d.Measurement }),
                    criteria = view.Gate.Checks.Select(c => new { criterion = c.Criterion, met = c.Met, detail = c.Detail }),
                    warnings = view.Gate.Warnings,
                    passes = view.Gate.Passes,
                    decision = view.Decision is { } decided ? new { decidedAt = decided.DecidedAt, decidedBy = decided.DecidedBy, why = decided.Why } : null,
                });
                return view.Gate.Passes ? ExitCodes.Ok : ExitCodes.Findings;
            }

            var o = context.Console.Out;
            await o.WriteLineAsync($"{view.Line.Name}: {view.Line.Stage}; pilot {view.Pilot?.Name ?? "(none)"}{(view.Pilot is { } p ? $", {p.UnitsTested} units tested" : "")}");
            foreach (var reference in view.References)
            {
                var counts = reference.Report.Summary;
                await o.WriteLineAsync($"Against {reference.Label} ({string.Join(", ", reference.Batches)}): {string.Join(", ", counts.Select(kv => $"{kv.Value} {kv.Key.ToString().ToLowerInvariant()}"))}");
                foreach (var m in reference.Report.Measurements.Where(m => m.Verdict is Domain.Statistics.ComparisonVerdict.Different or Domain.Statistics.ComparisonVerdict.NotComparable))
                {
                    await o.WriteLineAsync($"  {m.Name}: {m.Reason}");
                }
            }

            foreach (var item in view.Dfm)
            {
                await o.WriteLineAsync($"DFM {item.Status,-8} {item.Category,-13} {item.Title}{(item.Measurement is { } name ? $" [{name}]" : "")}");
            }

            foreach (var check in view.Gate.Checks)
            {
                await o.WriteLineAsync($"{(check.Met ? "met    " : "NOT met")}  {check.Criterion}: {check.Detail}");
            }

            foreach (var warning in view.Gate.Warnings)
            {
                await o.WriteLineAsync($"warning  {warning}");
            }

            await o.WriteLineAsync(view.Decision is { } d ? $"Decided {d.DecidedAt:yyyy-MM-dd HH:mm} by {d.DecidedBy}: {d.Why}" : view.Gate.Passes ? "The gate passes; the buyer may decide." : "The gate does not pass.");
            return view.Gate.Passes ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return pilot;
    }
}
