using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application;
using SecondSource.Application.Database;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Application.Provisioning;
using SecondSource.Application.TestData;
using SecondSource.Application.Vault;
using SecondSource.Domain.Provisioning;
using SecondSource.Domain.TestData;

namespace SecondSource.Benchmarks;

/// <summary>
/// Device certificates end to end, in process, on a fresh SQLite data folder with the demo: a batch of N units with its
/// serial block on the second line, then N sequential requests through the issuing handler (CSR parse and signature
/// check, the allocation and uniqueness reads, signing by the device CA in its backend, the certificate and the log
/// entry committed) — certificates per second and p50/p99 latency. Then raw digest signatures per second. Run once
/// with the software key store and, when Debian's softhsm2 is installed, once with a SoftHSM2 token.
/// </summary>
internal static class ProvisioningBenchmark
{
    private const string SoftHsm = "/usr/lib/softhsm/libsofthsm2.so";

    public static int Run(string[] args)
    {
        var count = BomAuditBenchmark.Option(args, "--certificates", 2000);
        var folder = Path.Combine(BomAuditBenchmark.RepositoryRoot(), "artifacts", "bench", $"provisioning-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Measure("software key store", Path.Combine(folder, "software"), count, new Dictionary<string, string?>());
            if (File.Exists(SoftHsm) && File.Exists("/usr/bin/softhsm2-util"))
            {
                Measure("SoftHSM2 (PKCS#11)", Path.Combine(folder, "pkcs11"), count, SoftHsmToken(Path.Combine(folder, "softhsm")));
            }
            else
            {
                Console.WriteLine("SoftHSM2 is not installed (apt-get install softhsm2): the PKCS#11 run is skipped.");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(string backend, string data, int count, Dictionary<string, string?> settings)
    {
        settings["data"] = data;
        using var services = Services(settings);
        var seeded = Run(services, s => s.GetRequiredService<Application.Demo.SeedDemoHandler>().HandleAsync(CancellationToken.None));
        if (seeded.Failure is { } failure)
        {
            throw new InvalidOperationException($"The demo could not be loaded: {failure.Message}");
        }

        var (line, batch) = Run(services, async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var product = await db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
            var party = await db.Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync();
            var vistula = await db.Lines.Where(l => l.PartyId == party).Select(l => l.Id).SingleAsync();
            var created = await s.GetRequiredService<CreateTestBatchHandler>().HandleAsync(new CreateTestBatchRequest(product, vistula, "BENCH-1", BatchKind.Production, count,
                DateTimeOffset.UtcNow.AddHours(-1), null, "bench"), CancellationToken.None);
            await s.GetRequiredService<AllocateSerialsHandler>().HandleAsync(new AllocateSerialsRequest(created.Value, "BENCH-", 1, count, 7, "bench"), CancellationToken.None);
            return (vistula, created.Value);
        });

        // Device keys and CSRs are the stations' work: made before the clock starts.
        var csrs = Enumerable.Range(1, count).Select(_ =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return Encoding.ASCII.GetBytes(new CertificateRequest("CN=device", key, HashAlgorithmName.SHA256).CreateSigningRequestPem());
        }).ToList();
        var caller = new CertificateCaller(new Actor("bench station", "Vistula", null), null, null, null);
        var latencies = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = Run(services, s => s.GetRequiredService<IssueDeviceCertificateHandler>().HandleAsync(
                new IssueDeviceCertificateRequest(line, $"BENCH-{i + 1:0000000}", csrs[i], "2.5.0", caller), CancellationToken.None));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (outcome.Certificate is null)
            {
                throw new InvalidOperationException($"Request {i + 1} was refused: {outcome.Refusal} {outcome.Reason}");
            }
        }

        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{backend}: {count} certificates in {total.Elapsed.TotalSeconds:0.00} s = {count / total.Elapsed.TotalSeconds:0} certificates/s; latency p50 {latencies[count / 2]:0.0} ms, p99 {latencies[(int)(count * 0.99)]:0.0} ms"));

        var signatures = Run(services, async s =>
        {
            var custody = s.GetRequiredService<KeyCustody>();
            var ca = await s.GetRequiredService<SecondSourceDbContext>().CustodyKeys.SingleAsync(k => k.Purpose == KeyPurpose.DeviceCa);
            var digest = SHA256.HashData("bench"u8);
            var watch = Stopwatch.StartNew();
            var n = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(3))
            {
                custody.SignDigest(ca, digest);
                n++;
            }

            return n / watch.Elapsed.TotalSeconds;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{backend}: {signatures:0} ECDSA P-256 signatures/s (sign in the backend, verify, DER)"));
        _ = batch;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddScoped<IPartyContext>(_ => FixedPartyContext.System);
        services.AddSecondSourceFeatures();
        services.AddParties();
        var provider = services.BuildServiceProvider();
        Run(provider, s => s.GetRequiredService<MigrateDatabaseHandler>().HandleAsync(CancellationToken.None));
        return provider;
    }

    private static T Run<T>(ServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = services.CreateScope();
        return action(scope.ServiceProvider).GetAwaiter().GetResult();
    }

    private static Dictionary<string, string?> SoftHsmToken(string folder)
    {
        var tokens = Directory.CreateDirectory(Path.Combine(folder, "tokens")).FullName;
        var configuration = Path.Combine(folder, "softhsm2.conf");
        File.WriteAllText(configuration, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n");
        // The module reads SOFTHSM2_CONF with getenv(), which does not see .NET's copy of the environment.
        _ = NativeMethods.setenv("SOFTHSM2_CONF", configuration, 1);
        var start = new ProcessStartInfo("/usr/bin/softhsm2-util", ["--init-token", "--free", "--label", "bench", "--so-pin", "1357", "--pin", "2468"]) { RedirectStandardOutput = true };
        start.Environment["SOFTHSM2_CONF"] = configuration;
        using (var process = Process.Start(start)!)
        {
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }

        return new Dictionary<string, string?>
        {
            ["Provisioning:Backend"] = "Pkcs11",
            ["Provisioning:Pkcs11:Library"] = SoftHsm,
            ["Provisioning:Pkcs11:Token"] = "bench",
            ["SECONDSOURCE_PKCS11_PIN"] = "2468",
        };
    }

    private static class NativeMethods
    {
        [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int setenv(string name, string value, int overwrite);
    }
}
