using System.Globalization;
using System.Text;

namespace SecondSource.Benchmarks;

/// <summary>
/// A seeded generator of realistic long-CSV test logs: units in batches, 200 measurements a unit (rails, currents,
/// resistances, frequencies, timings in their natural units and prefixes), normal noise around nominal, a few
/// measurements drifting over the batches, about 2 % of units failing one measurement and passing a retest.
/// </summary>
internal static class TestLogGenerator
{
    private static readonly (string Name, string Unit, double Nominal, double Sigma, double Low, double High)[] Kinds =
    [
        ("VCC_3V3", "V", 3.3, 0.01, 3.2, 3.4), ("VCC_1V8", "mV", 1800, 6, 1764, 1836), ("I_IDLE", "mA", 42, 1.5, 35, 50),
        ("R_PULLUP", "kOhm", 10, 0.05, 9.8, 10.2), ("F_XTAL", "MHz", 24, 0.0002, 23.9988, 24.0012), ("T_BOOT", "ms", 310, 8, 250, 380),
        ("ECG_NOISE", "uV", 4.2, 0.6, 0, 10), ("TEMP_BOARD", "degC", 31, 0.8, 15, 45),
    ];

    /// <summary>Writes <paramref name="units"/> units (in batches of <paramref name="batchSize"/>) and returns the batch names.</summary>
    public static IReadOnlyList<string> Write(string path, int units, int batchSize, int seed, string prefix = "VE")
    {
        var random = new Random(seed);
        var batches = new List<string>();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("serial,batch,station,test_plan,run_start,run_end,run_result,firmware,measurement,value,unit,low,high,result\n");
        var start = new DateTime(2026, 1, 5, 6, 0, 0, DateTimeKind.Utc);
        var line = new StringBuilder(256);
        for (var u = 0; u < units; u++)
        {
            var batch = $"{prefix}-B{u / batchSize + 1:D3}";
            if (batches.Count == 0 || batches[^1] != batch)
            {
                batches.Add(batch);
            }

            var drift = (double)u / units; // slowly moving through the year
            var failing = random.Next(50) == 0 ? random.Next(200) : -1;
            for (var attempt = 0; attempt < (failing >= 0 ? 2 : 1); attempt++)
            {
                var time = start.AddSeconds(u * 40 + attempt * 3600).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                var runFails = attempt == 0 && failing >= 0;
                var head = $"{prefix}{u:D7},{batch},FCT-{u % 4 + 1},TP-4,{time},,{(runFails ? "Failed" : "Passed")},2.4.1,";
                for (var m = 0; m < 200; m++)
                {
                    var (name, unit, nominal, sigma, low, high) = Kinds[m % Kinds.Length];
                    var shift = m % 50 == 7 ? drift * 2 * sigma : 0;
                    var value = runFails && m == failing ? high + 3 * sigma : nominal + shift + sigma * Normal(random);
                    var pass = value >= low && value <= high;
                    line.Clear();
                    line.Append(head).Append(name).Append('_').Append(m.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(value.ToString("G6", CultureInfo.InvariantCulture)).Append(',').Append(unit).Append(',')
                        .Append(low.ToString(CultureInfo.InvariantCulture)).Append(',').Append(high.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(pass ? "Passed" : "Failed").Append('\n');
                    writer.Write(line);
                }
            }
        }

        return batches;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
