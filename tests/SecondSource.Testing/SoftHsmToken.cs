using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace SecondSource.Testing;

/// <summary>
/// A SoftHSM2 token for the PKCS#11 tests: a fresh token directory and configuration for this test process
/// (SOFTHSM2_CONF is read when the module initialises, once per process), initialised with softhsm2-util. Tests skip
/// with the reason where Debian's softhsm2 is not installed; .ci/run installs it.
/// </summary>
public static class SoftHsmToken
{
    public const string Library = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Label = "secondsource-test";
    public const string Pin = "246810";

    private static readonly Lazy<string?> Prepared = new(Prepare);

    /// <summary>The configuration that points the PKCS#11 backend at the token (and makes it the default backend).</summary>
    public static IReadOnlyDictionary<string, string?> Settings()
    {
        if (!File.Exists(Library) || FindUtility() is null)
        {
            Assert.Skip($"PKCS#11 tests need Debian's softhsm2 ({Library} and softhsm2-util); .ci/run installs it.");
        }

        if (Prepared.Value is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return new Dictionary<string, string?>
        {
            ["Provisioning:Backend"] = "Pkcs11",
            ["Provisioning:Pkcs11:Library"] = Library,
            ["Provisioning:Pkcs11:Token"] = Label,
            ["SECONDSOURCE_PKCS11_PIN"] = Pin,
        };
    }

    private static class NativeMethods
    {
        [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int setenv(string name, string value, int overwrite);
    }

    private static string? FindUtility() =>
        new[] { "/usr/bin/softhsm2-util", "/usr/local/bin/softhsm2-util" }.FirstOrDefault(File.Exists);

    private static string? Prepare()
    {
        var folder = Directory.CreateTempSubdirectory("secondsource-softhsm-").FullName;
        var tokens = Directory.CreateDirectory(Path.Combine(folder, "tokens")).FullName;
        var configuration = Path.Combine(folder, "softhsm2.conf");
        File.WriteAllText(configuration, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        // The module reads SOFTHSM2_CONF with getenv(), which does not see .NET's copy of the environment on Unix.
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", configuration);
        if (NativeMethods.setenv("SOFTHSM2_CONF", configuration, 1) != 0)
        {
            return "setenv(SOFTHSM2_CONF) failed";
        }

        var start = new ProcessStartInfo(FindUtility()!, ["--init-token", "--free", "--label", Label, "--so-pin", "13579", "--pin", Pin])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SOFTHSM2_CONF"] = configuration;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"softhsm2-util could not initialise the test token: {output}";
    }
}
