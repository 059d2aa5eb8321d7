using System.Diagnostics;
using System.Net;
using SecondSource.Testing;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Hosting;

/// <summary>
/// The web host as a user starts it: a real process. Bad configuration gives one line and exit code 2 or 3,
/// never a stack trace; --seed-demo loads the demo, prints the sign-ins once and serves on the given address.
/// </summary>
public sealed class WebHostProcessTests
{
    private static Process Start(string arguments, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", $"exec \"{WebHostBinary.Path}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WebHostBinary.Path)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ConnectionStrings__SecondSource");
        info.Environment.Remove("Database__Provider");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    private static async Task<(int Code, string Out, string Error)> RunToExitAsync(string arguments, IDictionary<string, string> environment)
    {
        using var process = Start(arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task An_unreachable_postgres_is_one_line_and_exit_3()
    {
        using var data = new TempFolder("web-pg");
        var (code, output, error) = await RunToExitAsync($"--urls http://127.0.0.1:0 --data \"{data.Path}\" --seed-demo", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__SecondSource"] = "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=p;Timeout=3",
        });

        code.ShouldBe(3, output + error);
        error.Trim().ShouldStartWith("secondsource: Cannot use PostgreSQL at 127.0.0.1:1/x as u:");
        (output + error).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_missing_connection_string_and_an_unknown_provider_are_configuration_errors_exit_2()
    {
        using var data = new TempFolder("web-config");

        var missing = await RunToExitAsync($"--urls http://127.0.0.1:0 --data \"{data.Path}\"", new Dictionary<string, string> { ["Database__Provider"] = "Postgres" });
        var unknown = await RunToExitAsync($"--urls http://127.0.0.1:0 --data \"{data.Path}\"", new Dictionary<string, string> { ["Database__Provider"] = "Oracle" });

        missing.Code.ShouldBe(2, missing.Out + missing.Error);
        missing.Error.ShouldContain("ConnectionStrings:SecondSource is not set");
        unknown.Code.ShouldBe(2);
        unknown.Error.Trim().ShouldBe("secondsource: Database:Provider is 'Oracle'; use Sqlite or Postgres.");
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_is_exit_2_with_its_path()
    {
        using var data = new TempFolder("web-blocked");
        var blocker = data.File("a-file");
        await File.WriteAllTextAsync(blocker, "");

        var (code, _, error) = await RunToExitAsync($"--urls http://127.0.0.1:0 --data \"{Path.Combine(blocker, "data")}\"", new Dictionary<string, string>());

        code.ShouldBe(2);
        error.ShouldContain($"The data folder {Path.Combine(blocker, "data")} cannot be written");
    }

    [Fact]
    public async Task Seed_demo_prints_the_sign_ins_and_the_app_serves_them()
    {
        using var data = new TempFolder("web-demo");
        var port = WebHostBinary.FreePort();
        using var process = Start($"--seed-demo --urls http://127.0.0.1:{port} --data \"{data.Path}\"", new Dictionary<string, string>());
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Now listening on", StringComparison.Ordinal))
                {
                    break;
                }
            }

            lines.ShouldContain(l => l.Contains("admin@aurora-medical.example", StringComparison.Ordinal));
            lines.ShouldContain(l => l.Contains("ssk_", StringComparison.Ordinal));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            File.Exists(Path.Combine(data.Path, "secondsource.db")).ShouldBeTrue();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
