using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecondSource.Application;
using SecondSource.Application.Boms;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;
using SecondSource.Domain.TestData;
using SecondSource.Domain.Vault;
using SecondSource.Formats.Boms;

namespace SecondSource.Benchmarks;

/// <summary>
/// What one scaled installation holds, on top of the demo. Size 100 is the large installation of issue 24: 10 programs
/// of 3 lines, 5 years of weekly batches (the primary 800 units a week, the second line 160, 40 measurements a unit:
/// 10^8 measurements), a 2,000-line BOM with 40 released revisions per program and 10^6 access-log entries. Size 10 is
/// one program of it (a tenth of every volume); the demo itself is size 1 in the tables.
/// </summary>
internal sealed record ScaleShape(int Programs, int Weeks, int PrimaryUnits, int SecondUnits, int BomLines, int BomRevisions, int LogEntries)
{
    public const int MeasurementsPerUnit = 40;

    public static ScaleShape Of(int size, int? weeks) => new(
        Programs: Math.Max(1, size / 10),
        Weeks: weeks ?? 260,
        PrimaryUnits: 800,
        SecondUnits: 160,
        BomLines: 2_000,
        BomRevisions: 40,
        LogEntries: 10_000 * size);

    public long Measurements => (long)Programs * Weeks * (PrimaryUnits + SecondUnits) * MeasurementsPerUnit;
}

/// <summary>
/// Builds a scaled installation (issue 24, item 2) in a new data folder: the demo through the CLI (its sign-ins kept in
/// <c>credentials.txt</c> for the load script), then the shape's programs through the application's own use cases —
/// lines and programs as the demo's seeder records them, each BOM revision staged, imported and released as an upload
/// is, every batch opened and its test log imported through the real import, the access log appended through its
/// writer (the hash chain is real) and a checkpoint signed at the end — so every page, review and check reads data
/// that the product itself wrote.
/// </summary>
internal static class ScaleGenerator
{
    private const string Engineer = "engineer@aurora-medical.example";

    public static int Run(string[] args)
    {
        var size = BomAuditBenchmark.Option(args, "--size", 10);
        var weeksOption = BomAuditBenchmark.Option(args, "--weeks", 0);
        var data = Argument(args, "--data") ?? throw new ArgumentException("--data DIR (a new folder) is required");
        var provider = Argument(args, "--provider");
        var connection = Argument(args, "--connection");
        var shape = ScaleShape.Of(size, weeksOption > 0 ? weeksOption : null);
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            Console.Error.WriteLine($"{data}: the folder is not empty; the scaled installation is built in a new one.");
            return 2;
        }

        Directory.CreateDirectory(data);
        var total = Stopwatch.StartNew();
        var database = provider is null ? [] : new[] { "--provider", provider, "--connection", connection ?? throw new ArgumentException("--connection is required with --provider") };
        var credentials = CliProcess.Output(data, "demo seed", ["demo", "seed", .. database]);
        File.WriteAllText(Path.Combine(data, "credentials.txt"), credentials);

        using var services = Services(data, provider, connection);
        Generate(services, data, shape, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"size {size}: {shape.Programs} programs, {shape.Weeks} weeks, {shape.Measurements:N0} measurements, {shape.Programs * shape.BomRevisions} BOM revisions of {shape.BomLines:N0} lines, {shape.LogEntries:N0} access-log entries, built in {total.Elapsed.TotalSeconds:F0} s"));
        return 0;
    }

    /// <summary>The value after <paramref name="name"/> on the command line, if given.</summary>
    internal static string? Argument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The application's services on the data folder, as the CLI builds them (the unrestricted operator scope).</summary>
    private static readonly SettableClock Clock = new(DateTimeOffset.UtcNow);

    private static ServiceProvider Services(string data, string? provider, string? connection)
    {
        var values = new Dictionary<string, string?> { ["data"] = data };
        if (provider is not null)
        {
            values["Database:Provider"] = provider;
            values[$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = connection;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        services.AddScoped<IPartyContext>(_ => FixedPartyContext.System);
        services.AddSecondSourceFeatures();
        services.AddParties();
        // The story's clock: each batch, import and release is dated in the history it belongs to.
        services.AddSingleton(Clock);
        services.AddSingleton<TimeProvider>(Clock);
        return services.BuildServiceProvider();
    }

    private static async Task Generate(ServiceProvider services, string data, ScaleShape shape, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(-7 * shape.Weeks);
        Clock.At = now;
        for (var p = 1; p <= shape.Programs; p++)
        {
            var watch = Stopwatch.StartNew();
            var (productId, primary, second, prefer) = await ProgramAsync(services, p, start, ct);
            if (p == 1)
            {
                // The load script drives the first generated program's pages rather than the demo's (bench/load/pages.py).
                await File.WriteAllTextAsync(Path.Combine(data, "prefer.txt"), prefer + "\n", ct);
            }

            var programTime = watch.Elapsed;
            await BomsAsync(services, shape, p, productId, start, now, ct);
            var bomTime = watch.Elapsed - programTime;
            var measurements = await TestDataAsync(services, shape, p, productId, primary, second, start, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"program {p} of {shape.Programs}: {shape.BomRevisions} BOM revisions in {bomTime.TotalSeconds:F0} s, {measurements:N0} measurements in {(watch.Elapsed - programTime - bomTime).TotalSeconds:F0} s"));
        }

        var log = Stopwatch.StartNew();
        await AccessLogAsync(services, shape, start, now, ct);
        Clock.At = DateTimeOffset.UtcNow;
        await using (var scope = services.CreateAsyncScope())
        {
            var signed = await scope.ServiceProvider.GetRequiredService<SignLogCheckpointHandler>()
                .HandleAsync(new SignLogCheckpointRequest(new Actor("scale generator", "Aurora Medical Instruments AB", null)), ct);
            if (signed.Failure is { } failure)
            {
                throw new InvalidOperationException($"The checkpoint could not be signed: {failure.Message}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"access log: {shape.LogEntries:N0} entries and a checkpoint in {log.Elapsed.TotalSeconds:F0} s"));
    }

    /// <summary>A product and its program: the primary at the demo's primary's plant, a second source at the second line's plant in production, a candidate at Dongguan.</summary>
    private static async Task<(Guid Product, Guid Primary, Guid Second, string Prefer)> ProgramAsync(ServiceProvider services, int p, DateTimeOffset start, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        var sites = await db.Sites.ToListAsync(ct);
        Site SiteOf(string name) => sites.Single(s => s.Name == name);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tests = TestTypes.Aoi | TestTypes.Ict | TestTypes.Fct;
        var processes = Processes.DoubleSidedReflow | Processes.ConformalCoat;
        ManufacturingLine Line(Site site, string name, int standing, int surge) => ManufacturingLine.Create(site, name,
            new LineCapabilities(PassiveSize.Size0201, 0.4m, new BoardSize(510, 460), 16, tests | TestTypes.BoundaryScan, processes | Processes.BoxBuild),
            new LineCapacity(standing, surge, today.AddDays(-90), "surge trial report"), [new Certification(CertificationStandard.Iso13485, today.AddDays(400))]);
        var primaryLine = Line(SiteOf("Bao'an plant"), $"SMT line G{p}", 2_000, 3_000);
        var secondLine = Line(SiteOf("Oliwa plant"), $"SMT line G{p}", 600, 1_800);
        var candidateLine = Line(SiteOf("Chang'an plant"), $"Line G{p}", 2_500, 4_000);
        db.Lines.AddRange(primaryLine, secondLine, candidateLine);

        var product = Product.Create($"Generated board G{p:D2}", $"GEN-G{p:D2}", new ProductRequirements
        {
            SmallestPassive = PassiveSize.Size0402,
            FinestBgaPitchMm = 0.5m,
            Board = new BoardSize(160, 100),
            Layers = 8,
            Tests = tests,
            Processes = processes,
            Certifications = new HashSet<CertificationStandard> { CertificationStandard.Iso13485 },
        });
        db.Products.Add(product);
        var program = ProductProgram.Start(product, $"G{p:D2} second source", 1_000, primaryLine, start.AddDays(-120), Engineer);
        var secondPlace = program.AddCandidate(secondLine, start.AddDays(-110), Engineer);
        program.AddCandidate(candidateLine, start.AddDays(-110), Engineer);
        db.Programs.Add(program);
        db.Decisions.Add(program.Decide(secondLine.Id, "The EU line: meets every requirement and can ramp.", start.AddDays(-60), Engineer));
        secondPlace.MoveTo(LineStage.Pilot, start.AddDays(-40), Engineer, "pilot against the golden samples");
        secondPlace.PassPilotGate(start.AddDays(-20), Engineer, "pilot matches the golden samples");
        secondPlace.MoveTo(LineStage.Production, start.AddDays(-10), Engineer, "steady weekly share");
        await db.SaveChangesAsync(ct);
        return (product.Id, primaryLine.Id, secondLine.Id, string.Join('|', product.Id, program.Id, primaryLine.Id, secondLine.Id, candidateLine.Id, product.Code));
    }

    /// <summary>The program's BOM: a 2,000-line board revised <see cref="ScaleShape.BomRevisions"/> times (each revision changes 2 % of its lines), each staged, imported and released.</summary>
    private static async Task BomsAsync(ServiceProvider services, ScaleShape shape, int p, Guid productId, DateTimeOffset start, DateTimeOffset now, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ss-scale-bom-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var basePath = Path.Combine(folder, "base.csv");
            BomGenerator.Write(basePath, shape.BomLines, 1_000 + p);
            var baseLines = await File.ReadAllLinesAsync(basePath, ct);
            for (var r = 1; r <= shape.BomRevisions; r++)
            {
                // An engineering change: 2 % of the lines take a new part number in each revision.
                var lines = baseLines.Select((line, i) => i > 0 && (i * 7 + r) % 50 == 0 ? Revise(line, r) : line);
                var content = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
                Clock.At = start.AddDays((now - start).TotalDays * r / (shape.BomRevisions + 1));
                await using var scope = services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var sha = await sp.GetRequiredService<ImportStaging>().StageAsync(new MemoryStream(content), ct);
                var fileName = $"gen-g{p:D2}-main-board-rev-{r:D2}.csv";
                var imported = Value(await sp.GetRequiredService<ImportBomRevisionHandler>().HandleAsync(
                    new ImportBomRevisionRequest(productId, sha, fileName, $"Rev {r:D2}", new BomReadOptions(), Engineer), ct), fileName);
                Value(await sp.GetRequiredService<ReleaseBomRevisionHandler>().HandleAsync(
                    new ReleaseBomRevisionRequest(imported.RevisionId, $"ECO {p:D2}-{r:D3}", new Actor(Engineer, "Aurora Medical Instruments AB", null)), ct), fileName);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A BOM row with its first part number changed for revision <paramref name="r"/>.</summary>
    private static string Revise(string line, int r)
    {
        var fields = line.Split(',');
        // Item,Designator,Quantity,… — a quoted designator list spans several fields, so the first MPN is counted from the
        // end (…,Manufacturer,MPN,Manufacturer 2,MPN 2,Supplier,Supplier Part Number,Description).
        var mpn = fields.Length - 6;
        fields[mpn] = $"{fields[mpn]}-E{r:D2}";
        return string.Join(',', fields);
    }

    /// <summary>Weekly batches on both producing lines, each with its test log through the real import.</summary>
    private static async Task<long> TestDataAsync(ServiceProvider services, ScaleShape shape, int p, Guid productId, Guid primary, Guid second, DateTimeOffset start, CancellationToken ct)
    {
        long measurements = 0;
        var random = new Random(p);
        var buffer = new MemoryStream(64 << 20);
        for (var week = 0; week < shape.Weeks; week++)
        {
            foreach (var (line, units, prefix, offset) in new[] { (primary, shape.PrimaryUnits, "P", 0.0), (second, shape.SecondUnits, "V", 0.3) })
            {
                var batchStart = start.AddDays(7 * week + (prefix == "P" ? 0 : 2));
                var name = $"G{p:D2}{prefix}-{batchStart:yyyy}-W{week + 1:D3}";
                Clock.At = batchStart.AddDays(6);
                await using var scope = services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                Value(await sp.GetRequiredService<CreateTestBatchHandler>().HandleAsync(
                    new CreateTestBatchRequest(productId, line, name, BatchKind.Production, units, batchStart, batchStart.AddDays(5), "scale generator"), ct), name);
                buffer.SetLength(0);
                TestLog(buffer, random, name, $"G{p:D2}{prefix}{week + 1:D3}", units, batchStart.AddDays(1), offset);
                var bytes = buffer.ToArray();
                var summary = Value(await sp.GetRequiredService<ImportTestDataHandler>().HandleAsync(
                    new ImportTestDataRequest(() => new MemoryStream(bytes, writable: false), $"{name}.csv", line, "scale generator") { Format = TestLogFormat.LongCsv }, ct), name);
                measurements += summary.Measurements;
            }
        }

        return measurements;
    }

    private static readonly (string Name, string Unit, double Nominal, double Sigma, double Low, double High)[] Measurements = BuildMeasurements();

    private static (string, string, double, double, double, double)[] BuildMeasurements()
    {
        var list = new List<(string, string, double, double, double, double)>
        {
            ("VCC_3V3", "V", 3.3, 0.01, 3.2, 3.4), ("VCC_1V8", "V", 1.8, 0.006, 1.764, 1.836), ("VCC_1V1", "V", 1.1, 0.004, 1.078, 1.122),
            ("VCC_5V0", "V", 5.0, 0.02, 4.85, 5.15), ("I_IDLE", "mA", 42, 1.5, 35, 50), ("I_ACTIVE", "mA", 180, 4, 160, 200),
            ("F_XTAL_Y1", "MHz", 24, 0.0002, 23.9988, 24.0012), ("T_BOOT", "ms", 310, 8, 250, 380), ("ETH_LINK_TIME", "ms", 1450, 60, 1000, 2000),
            ("HIPOT_LEAKAGE", "uA", 3.1, 0.4, 0, 10),
        };
        for (var ch = 1; list.Count < ScaleShape.MeasurementsPerUnit; ch++)
        {
            list.Add(($"ADC_CH{ch:D2}_OFFSET", "mV", 0, 0.8, -5, 5));
            list.Add(($"ADC_CH{ch:D2}_GAIN_ERR", "%", 0, 0.05, -0.5, 0.5));
            list.Add(($"GPIO_{ch:D2}_VOH", "V", 3.25, 0.01, 3.1, 3.4));
        }

        return [.. list.Take(ScaleShape.MeasurementsPerUnit)];
    }

    /// <summary>A long-CSV log of one batch: each unit passes every measurement on one run; one unit in 100 fails once and passes a retest.</summary>
    private static void TestLog(MemoryStream output, Random random, string batch, string serialPrefix, int units, DateTimeOffset start, double shiftSigmas)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write("serial,batch,station,run_start,run_result,measurement,value,unit,low,high,result\n");
        Span<char> number = stackalloc char[32];
        for (var u = 0; u < units; u++)
        {
            var failing = random.Next(100) == 0 ? random.Next(Measurements.Length) : -1;
            for (var attempt = 0; attempt < (failing >= 0 ? 2 : 1); attempt++)
            {
                var fails = attempt == 0 && failing >= 0;
                var time = start.AddSeconds(u * 40 + attempt * 3_600).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                var head = string.Create(CultureInfo.InvariantCulture, $"{serialPrefix}{u:D5},{batch},FCT-1,{time},{(fails ? "Failed" : "Passed")},");
                for (var m = 0; m < Measurements.Length; m++)
                {
                    var (name, unit, nominal, sigma, low, high) = Measurements[m];
                    var value = fails && m == failing ? high + 3 * sigma : nominal + sigma * (shiftSigmas + Normal(random));
                    writer.Write(head);
                    writer.Write(name);
                    writer.Write(',');
                    value.TryFormat(number, out var written, "G6", CultureInfo.InvariantCulture);
                    writer.Write(number[..written]);
                    writer.Write(',');
                    writer.Write(unit);
                    writer.Write(',');
                    writer.Write(low.ToString(CultureInfo.InvariantCulture));
                    writer.Write(',');
                    writer.Write(high.ToString(CultureInfo.InvariantCulture));
                    writer.Write(value >= low && value <= high ? ",Passed\n" : ",Failed\n");
                }
            }
        }
    }

    /// <summary>The access log's history: people viewing and downloading the package over the years, appended through the writer in units of 5,000.</summary>
    private static async Task AccessLogAsync(ServiceProvider services, ScaleShape shape, DateTimeOffset start, DateTimeOffset now, CancellationToken ct)
    {
        (string Actor, string Party)[] people =
        [
            ("member@vistula-ems.example", "Vistula EMS Sp. z o.o. (Gdańsk)"),
            ("member@pearlriver-ems.example", "Pearl River Electronics Manufacturing (Shenzhen)"),
            ("engineer@aurora-medical.example", "Aurora Medical Instruments AB"),
        ];
        List<(Guid Artifact, Guid Revision, string Sha)> revisions;
        await using (var scope = services.CreateAsyncScope())
        {
            revisions = (await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().ArtifactRevisions.AsNoTracking()
                .Select(r => new { r.ArtifactId, r.Id, r.Sha256 }).ToListAsync(ct)).Select(r => (r.ArtifactId, r.Id, r.Sha256)).ToList();
        }

        var clock = Clock;
        var step = (now - start) / shape.LogEntries;
        const int Unit = 5_000;
        for (var done = 0; done < shape.LogEntries; done += Unit)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
            var writer = new AccessLogWriter(db, clock);
            for (var i = done; i < Math.Min(shape.LogEntries, done + Unit); i++)
            {
                clock.At = start + step * i;
                var (actor, party) = people[i % people.Length];
                var (artifact, revision, sha) = revisions[i % revisions.Count];
                await writer.AppendAsync(i % 10 == 0 ? AccessAction.Download : AccessAction.View, actor, party, artifact, revision, sha, "10.20.0." + (i % 200), ct);
            }

            await writer.SaveAsync(ct);
        }
    }

    private static T Value<T>(SecondSource.Application.Result<T> result, string what) =>
        result.Failure is { } failure ? throw new InvalidOperationException($"{what}: {failure.Message}") : result.Value!;

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class SettableClock(DateTimeOffset at) : TimeProvider
    {
        public DateTimeOffset At { get; set; } = at;

        public override DateTimeOffset GetUtcNow() => At;
    }
}
