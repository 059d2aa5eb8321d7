using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Demo;
using SecondSource.Application.Vault;
using SecondSource.Domain.Programs;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

/// <summary>
/// A year of VSM-200 test data through the real import: the primary's twelve monthly production batches (300 units
/// each), its 30 golden samples, and the second line's pilot (300 units) and monthly share (60 units) with 11
/// weeks without a batch after month 6 and two measurements drifting upward over the year; about 2 % of units fail once and pass a retest. The pilot
/// is tested on the second line's ICT (CFX messages, with the tester's symptoms as defects) and FCT (long CSV); two
/// of its FCT measurements differ from the golden samples: ETH_LINK_TIME (150 ms later, the FCT rig's link partner)
/// and I_IDLE (1.8 mA higher) — the pilot demo seeder raises the DFM items that go with them.
/// </summary>
public sealed class TestDataDemoSeeder(CreateTestBatchHandler batches, ImportTestDataHandler import, VaultLines vaultLines) : IDemoSeeder
{
    private static readonly (string Name, string Unit, double Nominal, double Sigma, double Low, double High)[] Measurements =
    [
        ("VCC_3V3", "V", 3.3, 0.01, 3.2, 3.4), ("VCC_1V8", "mV", 1800, 6, 1764, 1836), ("VCC_1V1", "V", 1.1, 0.004, 1.078, 1.122),
        ("I_IDLE", "mA", 42, 1.5, 35, 50), ("R_PULLUP_R21", "kOhm", 10, 0.03, 9.9, 10.1), ("F_XTAL_Y1", "MHz", 24, 0.0002, 23.9988, 24.0012),
        ("T_BOOT", "ms", 310, 8, 250, 380), ("ECG_NOISE", "uV", 4.2, 0.6, 0, 10), ("SPO2_LED_DRIVE", "mA", 20, 0.25, 19, 21),
        ("ETH_LINK_TIME", "ms", 1450, 60, 1000, 2000), ("RS485_LOOPBACK_ERRORS", "", 0, 0, 0, 0), ("HIPOT_LEAKAGE", "uA", 3.1, 0.4, 0, 10),
    ];

    /// <summary>Golden samples the primary characterised.</summary>
    public const int GoldenSamples = 30;

    /// <summary>Units in the second line's pilot (the guide: 100–500).</summary>
    public const int PilotUnits = 300;

    public int Order => 600;

    public string Feature => "Test data";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = await context.Db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync(ct);
        var lines = await vaultLines.OfProductAsync(product, ct);
        var primary = lines.Single(l => l.Role == LineRole.Primary);
        var second = lines.Single(l => l.Role == LineRole.SecondSource && l.Stage != LineStage.Candidate);
        var now = context.Clock.GetUtcNow();
        var yearStart = new Demo.DemoTimeline(now).YearStart;
        var random = new Random(2026);
        var units = 0;
        long measurements = 0;

        async Task Batch(VaultLine line, string name, BatchKind kind, int quantity, DateTimeOffset start)
        {
            var created = await batches.HandleAsync(new CreateTestBatchRequest(product, line.Id, name, kind, quantity, start, start.AddDays(6), "demo seed"), ct);
            if (created.Failure is { } failure)
            {
                throw new InvalidOperationException($"The demo could not open batch {name}: {failure.Message}");
            }
        }

        async Task Import(VaultLine line, string name, string content, TestLogFormat format, string? batch = null)
        {
            var result = await import.HandleAsync(new ImportTestDataRequest(() => new MemoryStream(Encoding.UTF8.GetBytes(content)), name, line.Id, "demo seed") { Format = format, Batch = batch }, ct);
            var summary = result.Value ?? throw new InvalidOperationException($"The demo could not import {name}: {result.Failure!.Message}");
            units += summary.NewUnits;
            measurements += summary.Measurements;
        }

        // The primary: golden units first, then a batch a month.
        await Batch(primary, "PR-GOLDEN", BatchKind.Golden, GoldenSamples, yearStart);
        var golden = Enumerable.Range(101, GoldenSamples).Select(n => $"AUR2611-{n:D6}").ToArray();
        await Import(primary, "pearl-river-golden.csv", Log(random, golden, "PR-GOLDEN", "FCT-1", yearStart.AddDays(2), 0, 0, failOneIn: 0), TestLogFormat.LongCsv);
        for (var month = 0; month < 12; month++)
        {
            var start = yearStart.AddMonths(month);
            var name = $"PR-{start:yyyy-MM}";
            await Batch(primary, name, BatchKind.Production, 300, start);
            var serials = Enumerable.Range(month * 300 + 1, 300).Select(n => $"AUR-P{n:D6}").ToArray();
            await Import(primary, $"pearl-river-{start:yyyy-MM}.csv", Log(random, serials, name, $"FCT-{month % 2 + 1}", start.AddDays(1), 0, month / 12.0), TestLogFormat.LongCsv);
        }

        // The second line: a pilot (CFX from its ICT), then its monthly share, with an 11-week gap after month 6.
        await Batch(second, "VE-PILOT", BatchKind.Pilot, PilotUnits, yearStart.AddDays(10));
        await Import(second, "vistula-pilot-ict.jsonl", Cfx(random, PilotUnits, "VE-PILOT-", yearStart.AddDays(11)), TestLogFormat.Cfx, "VE-PILOT");
        var pilot = Enumerable.Range(1, PilotUnits).Select(n => $"VE-PILOT-{n:D3}").ToArray();
        await Import(second, "vistula-pilot-fct.csv", Log(random, pilot, "VE-PILOT", "FCT-A", yearStart.AddDays(12), 0, 0, failOneIn: 150, PilotShift), TestLogFormat.LongCsv);
        for (var month = 1; month < 12; month++)
        {
            if (month is 7)
            {
                continue;
            }

            // Month 7 skipped and month 8's batch late: 11 weeks without a batch in that quarter.
            var start = month == 8 ? yearStart.AddMonths(6).AddDays(7 + 77) : yearStart.AddMonths(month).AddDays(7);
            var name = $"VE-{start:yyyy-MM}";
            await Batch(second, name, BatchKind.Production, 60, start);
            var serials = Enumerable.Range(month * 60 + 1, 60).Select(n => $"AUR-V{n:D6}").ToArray();
            await Import(second, $"vistula-{start:yyyy-MM}.csv", Log(random, serials, name, "FCT-A", start.AddDays(1), 1, month / 12.0), TestLogFormat.LongCsv);
        }

        context.Report($"Test data: a year of VSM-200 production, {units:N0} units and {measurements:N0} measurements on two lines (monthly batches, the second line's 11 weeks without a batch after month 6, two measurements drifting on it), golden units and a CFX pilot with defects");
    }

    /// <summary>The pilot's differences from the primary: ETH_LINK_TIME 2.5 σ later, I_IDLE 1.2 σ higher.</summary>
    private static double PilotShift(string measurement, double sigma) => measurement switch
    {
        "ETH_LINK_TIME" => 2.5 * sigma,
        "I_IDLE" => 1.2 * sigma,
        _ => 0,
    };

    /// <summary>
    /// A long-CSV log of the units: one in <paramref name="failOneIn"/> fails once and passes a retest (0: none); on a
    /// drifting line VCC_1V8 and T_BOOT move up by up to 1.5 σ over the year; <paramref name="shift"/> moves others.
    /// </summary>
    private static string Log(Random random, string[] serials, string batch, string station, DateTimeOffset start, int driftingLine, double yearFraction, int failOneIn = 50, Func<string, double, double>? shift = null)
    {
        var csv = new StringBuilder("serial,batch,station,test_plan,run_start,run_result,firmware,measurement,value,unit,low,high,result\n");
        for (var u = 0; u < serials.Length; u++)
        {
            var failing = failOneIn > 0 && random.Next(failOneIn) == 0 ? random.Next(Measurements.Length - 1) : -1;
            for (var attempt = 0; attempt < (failing >= 0 ? 2 : 1); attempt++)
            {
                var fails = attempt == 0 && failing >= 0;
                var time = start.AddMinutes(u * 3 + attempt * 90).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                for (var m = 0; m < Measurements.Length; m++)
                {
                    var (name, unit, nominal, sigma, low, high) = Measurements[m];
                    var drift = (driftingLine == 1 && name is "VCC_1V8" or "T_BOOT" ? 1.5 * sigma * yearFraction : 0) + (shift?.Invoke(name, sigma) ?? 0);
                    var value = fails && m == failing ? high + (sigma == 0 ? 1 : Math.Max(3 * sigma, (high - low) * 0.05)) : nominal + drift + sigma * Normal(random);
                    var pass = value >= low && value <= high;
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{serials[u]},{batch},{station},TP-4,{time},{(fails ? "Failed" : "Passed")},2.4.1,{name},{value.ToString("G6", CultureInfo.InvariantCulture)},{unit},{low.ToString(CultureInfo.InvariantCulture)},{high.ToString(CultureInfo.InvariantCulture)},{(pass ? "Passed" : "Failed")}\n");
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>CFX UnitsTested messages from the second line's ICT, one per unit; a few units with a pull-up out of tolerance.</summary>
    private static string Cfx(Random random, int count, string prefix, DateTimeOffset start)
    {
        var lines = new StringBuilder();
        for (var u = 1; u <= count; u++)
        {
            var bad = u % 150 == 0;
            var time = start.AddMinutes(u * 2);
            var r21 = bad ? 10.24 : 10 + 0.03 * Normal(random);
            var v33 = 3.3 + 0.01 * Normal(random);
            var symptoms = bad
                ? """[{"SymptomCode":"RESFAIL2","SymptomCategory":"Electrical Tests","Description":"Resistance value out of tolerance","ComponentsOfInterest":[{"ReferenceDesignator":"R21"}]}]"""
                : "[]";
            lines.Append(CultureInfo.InvariantCulture, $$$"""{"MessageName":"CFX.Production.TestAndInspection.UnitsTested","Version":"2.1","TimeStamp":"{{{time:O}}}","UniqueID":"{{{Guid.NewGuid()}}}","Source":"CFX.VISTULA.SMT1.ICT01","MessageBody":{"TestMethod":"ICT","RecipeName":"VSM200_ICT","RecipeRevision":"4","TestedUnits":[{"UnitIdentifier":"{{{prefix}}}{{{u:D3}}}","OverallResult":"{{{(bad ? "Failed" : "Passed")}}}","Tests":[{"TestName":"POWER","TestStartTime":"{{{time:O}}}","TestEndTime":"{{{time.AddSeconds(20):O}}}","Result":"Passed","Measurements":[{"$type":"CFX.Structures.NumericMeasurement, CFX","MeasurementName":"VCC_3V3","Result":"Passed","MeasuredValue":{"Value":{{{v33.ToString("G6", CultureInfo.InvariantCulture)}}},"ValueUnits":"V","MinimumAcceptableValue":3.2,"MaximumAcceptableValue":3.4,"ExpectedValueUnits":"V"}}]},{"TestName":"PULLUPS","Result":"{{{(bad ? "Failed" : "Passed")}}}","SymptomsFound":{{{symptoms}}},"Measurements":[{"$type":"CFX.Structures.NumericMeasurement, CFX","MeasurementName":"R21","Result":"{{{(bad ? "Failed" : "Passed")}}}","MeasuredValue":{"Value":{{{(r21 * 1000).ToString("G6", CultureInfo.InvariantCulture)}}},"ValueUnits":"Ohm","ExpectedValue":10,"ExpectedValueUnits":"kOhm","MinimumAcceptableValue":9.9,"MaximumAcceptableValue":10.1}}]}]}]}}""").Append('\n');
        }

        return lines.ToString();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
