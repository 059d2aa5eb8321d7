using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using SecondSource.Testing;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Hosting;

/// <summary>
/// README's PostgreSQL set-up and docs/operations.md's PostgreSQL backup and restore, run as written with bash on a
/// real PostgreSQL server. Only what must differ on a test machine is replaced, line by line: the names on the
/// "SS_DB=…" and "SS_BACKUP=…" lines (unique ones, in a temporary folder), the superuser's psql (the test's
/// connection instead of sudo), and the publish configuration (the build these tests already have, --no-build, without the README's ReadyToRun flags, which
/// ReadyToRunPublishTests runs as written).
/// </summary>
public sealed class ReadmePostgresTests
{
    /// <summary>The README's ahead-of-time flags; the published CLI's own test (ReadyToRunPublishTests) runs them.</summary>
    private const string ReadyToRun = " -r linux-x64 --self-contained false -p:PublishReadyToRun=true";

    private static string Block(string file, string name)
    {
        var text = File.ReadAllText(TestPaths.InRepository(file)).ReplaceLineEndings("\n");
        var match = Regex.Match(text, $"<!-- {name}:begin -->\\n```bash\\n(.*?)```\\n<!-- {name}:end -->", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"{file} has no {name} block");
        return match.Groups[1].Value;
    }

    private static string Replace(string script, string startsWith, string replacement)
    {
        var lines = script.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith(startsWith, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, $"the block has a line starting '{startsWith}'");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task The_readme_set_up_and_the_backup_and_restore_of_operations_md_run_as_written()
    {
        var admin = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) ?? "";
        if (admin.Length == 0)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; .ci/run starts PostgreSQL and sets it.");
        }

        foreach (var tool in new[] { "psql", "pg_dump", "pg_restore", "tar", "install" })
        {
            if (!File.Exists($"/usr/bin/{tool}"))
            {
                Assert.Skip($"{tool} is not installed; .ci/run installs PostgreSQL.");
            }
        }

        var server = new NpgsqlConnectionStringBuilder(admin);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (db, user, restoredDb) = ($"ss_readme_{suffix}", $"ss_readme_{suffix}", $"ss_restored_{suffix}");
        using var root = new TempFolder("readme-pg");
        var port = WebHostBinary.FreePort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name.Equals("release", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug";
        var names = $"SS_DB={db} SS_USER={user} SS_PASSWORD='pw-{suffix}' SS_DATA={root.Path}/data SS_APP={root.Path}/app SS_URL=http://127.0.0.1:{port}";
        var psqlAdmin = $"psql_admin() {{ psql 'host={server.Host} port={server.Port} user={server.Username} password={server.Password} dbname={server.Database}' -v ON_ERROR_STOP=1 \"$@\"; }}";

        var setup = Block("README.md", "postgres-setup");
        setup = Replace(setup, "SS_DB=", names);
        setup = Replace(setup, "psql_admin()", psqlAdmin);
        setup = setup.Replace(" -c Release ", $" -c {configuration} --no-build ", StringComparison.Ordinal)
            .Replace(ReadyToRun, "", StringComparison.Ordinal);
        var setupFile = Path.Combine(root.Path, "setup.sh");
        await File.WriteAllTextAsync(setupFile, "set -euo pipefail\ncd '" + TestPaths.RepositoryRoot() + "'\n" + setup);

        var start = new ProcessStartInfo("/bin/bash", [setupFile]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var inherited in new[] { "ConnectionStrings__SecondSource", "Database__Provider", "SECONDSOURCE_DATA", "ASPNETCORE_CONTENTROOT" })
        {
            start.Environment.Remove(inherited);
        }

        using var web = Process.Start(start)!;
        var log = new StringBuilder();
        web.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        web.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        await web.StandardInput.WriteLineAsync("a-long-admin-password-" + suffix);
        web.StandardInput.Close();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await WebHostBinary.WaitUntilReadyAsync(client, web, TimeSpan.FromSeconds(300));

            ready.ShouldBeTrue(Text(log));
            using var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
            css.StatusCode.ShouldBe(HttpStatusCode.OK);
            File.Exists(Path.Combine(root.Path, "data", "secondsource.db")).ShouldBeFalse("PostgreSQL holds the data, not a SQLite file");

            // The backup and restore of operations.md, with the README's names; first a signing key so that the
            // key-encryption key exists and the restore has something to unwrap.
            var environment = string.Join('\n', setup.Split('\n').Where(l => l.StartsWith("export ", StringComparison.Ordinal)));
            var backup = Block(Path.Combine("docs", "operations.md"), "postgres-backup");
            backup = Replace(backup, "SS_BACKUP=", $"SS_BACKUP={root.Path}/backup SS_RESTORED_DB={restoredDb} SS_RESTORED_DATA={root.Path}/restored SS_KEK_KEPT={root.Path}/kept-kek\n"
                + "dotnet \"$SS_APP/cli/secondsource.dll\" keys create --name \"README drill key\" --purpose firmware\n"
                + "cp \"$SS_DATA/keystore-kek\" \"$SS_KEK_KEPT\"");
            var drill = "set -euo pipefail\n" + names + "\n" + psqlAdmin + "\n" + environment + "\n" + backup;
            var drillFile = Path.Combine(root.Path, "drill.sh");
            await File.WriteAllTextAsync(drillFile, drill);
            var (code, output) = await RunAsync(drillFile);

            code.ShouldBe(0, output);
            output.ShouldContain("Intact:");
            output.ShouldContain("1 software keys open with the key-encryption key");
            File.Exists(Path.Combine(root.Path, "restored", "keystore", Directory.GetFiles(Path.Combine(root.Path, "data", "keystore"))[0].Split('/')[^1])).ShouldBeTrue();
            Tar(Path.Combine(root.Path, "backup", "data.tar")).ShouldNotContain("keystore-kek", Case.Sensitive, "the key-encryption key is never in a backup");
        }
        finally
        {
            if (!web.HasExited)
            {
                web.Kill(entireProcessTree: true);
            }

            await web.WaitForExitAsync();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            foreach (var statement in new[] { $"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", $"DROP DATABASE IF EXISTS \"{restoredDb}\" WITH (FORCE)", $"DROP ROLE IF EXISTS \"{user}\"" })
            {
                await using var drop = new NpgsqlCommand(statement, connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static string Tar(string archive)
    {
        using var process = Process.Start(new ProcessStartInfo("tar", ["-tf", archive]) { RedirectStandardOutput = true })!;
        var listing = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return listing;
    }

    private static async Task<(int Code, string Output)> RunAsync(string script)
    {
        var info = new ProcessStartInfo("/bin/bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var inherited in new[] { "ConnectionStrings__SecondSource", "Database__Provider", "SECONDSOURCE_DATA" })
        {
            info.Environment.Remove(inherited);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
