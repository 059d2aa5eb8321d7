using System.Diagnostics;
using System.Net;
using System.Text;
using SecondSource.Testing;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Hosting;

/// <summary>
/// The published app — what a deployment runs — started as a process from a working directory that is not its own
/// folder (as a systemd unit without WorkingDirectory, or an operator's shell, would): it serves its stylesheet and
/// reads its own appsettings.json (whose log levels keep EF Core's SQL out of the log).
/// </summary>
public sealed class PublishedAppTests
{
    [Fact]
    public async Task The_published_app_started_from_another_folder_serves_its_stylesheet_and_reads_its_settings()
    {
        using var root = new TempFolder("published");
        var app = Directory.CreateDirectory(Path.Combine(root.Path, "app")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(root.Path, "elsewhere")).FullName;
        var data = Path.Combine(root.Path, "data");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name.Equals("release", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug";
        var project = TestPaths.InRepository(Path.Combine("src", "SecondSource.Web", "SecondSource.Web.csproj"));

        var published = await ChildProcess.RunAsync("dotnet", ["publish", project, "--no-build", "-c", configuration, "-o", app, "--nologo", "-v", "q"], root.Path, TimeSpan.FromMinutes(5));
        published.Code.ShouldBe(0, published.Output);
        File.Exists(Path.Combine(app, "wwwroot", "css", "site.css")).ShouldBeTrue();

        var port = WebHostBinary.FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(app, "SecondSource.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = elsewhere,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["SECONDSOURCE_DATA"] = data;
        info.Environment["Database__MigrateOnStart"] = "true";
        info.Environment.Remove("ConnectionStrings__SecondSource");
        info.Environment.Remove("Database__Provider");
        info.Environment.Remove("ASPNETCORE_CONTENTROOT");
        using var process = Process.Start(info)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await WebHostBinary.WaitUntilReadyAsync(client, process, TimeSpan.FromSeconds(60));

            ready.ShouldBeTrue(log.ToString());
            using var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
            css.StatusCode.ShouldBe(HttpStatusCode.OK, "wwwroot is found beside the app, not in the working directory");
            css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
            using var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await login.Content.ReadAsStringAsync()).ShouldContain("css/site.css");
            File.Exists(Path.Combine(data, "secondsource.db")).ShouldBeTrue("the data folder is SECONDSOURCE_DATA");
            Directory.Exists(Path.Combine(elsewhere, "data")).ShouldBeFalse();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        string text;
        lock (log)
        {
            text = log.ToString();
        }

        text.ShouldNotContain("Executed DbCommand", Case.Sensitive, "appsettings.json sets Microsoft.EntityFrameworkCore to Warning; without it every SQL command is logged");
    }
}
