using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using SecondSource.Application.Persistence;
using SecondSource.Application.Provisioning;
using SecondSource.Testing;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Hosting;

/// <summary>
/// Scale-out (issue 12): two web processes on one PostgreSQL database and one shared data folder, behind Debian's
/// nginx on loopback. A sign-in form fetched from one instance is accepted by the other and the session works on
/// both (the Data Protection key ring is in the database); through the proxy every request of a session succeeds
/// whichever instance serves it; and scheduled work (the CRL refresh, every 2 s here) runs once a period, not once
/// per instance: each period has one run, and the device CA's CRL number moved by exactly the number of runs.
/// </summary>
public sealed partial class ScaleOutTests
{
    private const string NginxPath = "/usr/sbin/nginx";

    [Fact]
    public async Task Two_instances_behind_nginx_share_sessions_and_run_scheduled_work_once()
    {
        if (!File.Exists(NginxPath))
        {
            Assert.Skip($"The scale-out test needs Debian's nginx ({NginxPath}); .ci/run installs it.");
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        using var work = new TempFolder("scale-out");
        var (portA, portB, portProxy) = (WebHostBinary.FreePort(), WebHostBinary.FreePort(), WebHostBinary.FreePort());
        var instances = new List<WebProcess>();
        Process? nginx = null;
        try
        {
            // A migrates and loads the demo; B starts on the same database and data folder (a shared volume).
            var a = WebProcess.Start("A", portA, database, seedDemo: true);
            instances.Add(a);
            var demoOutput = await a.WaitUntilListeningAsync();
            var admin = demoOutput.Single(l => l.Contains("admin@aurora-medical.example", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (email, password) = (admin[^2], admin[^1]);
            var crlBefore = await CrlNumberAsync(database);
            var b = WebProcess.Start("B", portB, database, seedDemo: false);
            instances.Add(b);
            await b.WaitUntilListeningAsync();
            nginx = StartNginx(work, portProxy, portA, portB);

            // The sign-in form from A, posted to B: B accepts A's antiforgery token; the session then works on A and B.
            using (var client = NewClient())
            {
                var token = await AntiforgeryTokenAsync(client, $"http://127.0.0.1:{portA}/Account/Login");
                using var signIn = await client.PostAsync(new Uri($"http://127.0.0.1:{portB}/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = email,
                    ["Password"] = password,
                    ["__RequestVerificationToken"] = token,
                }));
                signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
                signIn.Headers.Location!.OriginalString.ShouldBe("/");
                foreach (var port in new[] { portA, portB })
                {
                    using var dashboard = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                    dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, $"the dashboard on {port}");
                    var html = await dashboard.Content.ReadAsStringAsync();
                    html.ShouldContain("data-testid=\"who\"", customMessage: $"signed in on {port}");
                    html.ShouldContain("Access log", customMessage: "the administrator's navigation");
                }
            }

            // The ring is in the database, not in a folder the instances happen to share here.
            Directory.Exists(Path.Combine(database.Folder.Path, "keys")).ShouldBeFalse();
            (await CountAsync(database, "DataProtectionKeys")).ShouldBeGreaterThanOrEqualTo(1);

            // Through the proxy, round robin: a session signed in there keeps working whichever instance answers.
            using (var client = NewClient())
            {
                var proxy = $"http://127.0.0.1:{portProxy}";
                var token = await AntiforgeryTokenAsync(client, $"{proxy}/Account/Login");
                using var signIn = await client.PostAsync(new Uri($"{proxy}/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = email,
                    ["Password"] = password,
                    ["__RequestVerificationToken"] = token,
                }));
                signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                for (var i = 0; i < 6; i++)
                {
                    using var page = await client.GetAsync(new Uri($"{proxy}/Reviews"));
                    page.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i} through the proxy");
                }
            }

            var upstreams = (await File.ReadAllLinesAsync(Path.Combine(work.Path, "access.log")))
                .Where(l => l.Contains("GET /Reviews ", StringComparison.Ordinal) && l.Contains(" 200 ", StringComparison.Ordinal))
                .Select(l => l.Split(' ')[^1]).ToHashSet();
            upstreams.ShouldBe([$"127.0.0.1:{portA}", $"127.0.0.1:{portB}"], ignoreOrder: true, "both instances served the session");

            // Scheduled work: let a few 2-second periods pass with both instances ticking every 0.5 s.
            await Task.Delay(TimeSpan.FromSeconds(7));
            foreach (var instance in instances)
            {
                instance.Stop();
            }

            var runs = await RunsAsync(database);
            // The instances are killed, not stopped: one may die in the middle of a run, leaving its claim "running" for
            // another instance to take over once the lease expires. Only the newest period can be in that state.
            var interrupted = runs.Where(r => !r.Succeeded && r.Outcome == "running").ToList();
            interrupted.Count.ShouldBeLessThanOrEqualTo(1, string.Join("; ", runs.Select(r => r.Outcome)));
            if (interrupted.Count == 1)
            {
                interrupted[0].Period.ShouldBe(runs.Max(r => r.Period), "only a run in progress when the instances were killed");
                runs = [.. runs.Except(interrupted)];
            }

            runs.Count.ShouldBeGreaterThanOrEqualTo(2, "several periods passed");
            runs.Select(r => r.Period).Distinct().Count().ShouldBe(runs.Count, "one run a period");
            runs.ShouldAllBe(r => r.Succeeded, string.Join("; ", runs.Select(r => r.Outcome)));
            runs.Select(r => r.Instance).ShouldBeSubsetOf(["A", "B"]);
            // Each run published the CA's next list exactly once: the numbers the runs name are distinct and the CA's number
            // is the last of them. (A may run the job before crlBefore is read, so the runs are not counted from it.)
            var numbers = runs.Select(r => CrlNumberPattern().Match(r.Outcome)).Where(m => m.Success)
                .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            numbers.Count.ShouldBe(runs.Count, string.Join("; ", runs.Select(r => r.Outcome)));
            numbers.Order().ShouldBe(Enumerable.Range((int)numbers.Min(), numbers.Count).Select(n => (long)n), "one list a run, none in between");
            // A run killed after publishing but before recording its outcome leaves the CA one list further.
            (await CrlNumberAsync(database)).ShouldBeInRange(numbers.Max(), numbers.Max() + interrupted.Count, "the CA's number is the last list a run published");
            numbers.Max().ShouldBeGreaterThanOrEqualTo(crlBefore + 1, "lists were published while the test watched");
        }
        finally
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }

            if (nginx is not null)
            {
                nginx.Kill(entireProcessTree: true);
                await nginx.WaitForExitAsync();
                nginx.Dispose();
            }
        }
    }

    private static HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(new Uri(url));
        return TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {url}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\bCRL (\d+) of ")]
    private static partial Regex CrlNumberPattern();

    private static async Task<long> CountAsync(TestDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CrlNumberAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"CrlNumber\" FROM \"CustodyKeys\" WHERE \"Purpose\" = 'DeviceCa'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(DateTime Period, string Instance, bool Succeeded, string Outcome)>> RunsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"PeriodStart\", \"Instance\", \"Succeeded\", \"Outcome\" FROM \"ScheduledRuns\" WHERE \"Job\" = @job", connection);
        command.Parameters.AddWithValue("job", RefreshCrlsJob.JobName);
        var runs = new List<(DateTime, string, bool, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetDateTime(0), reader.GetString(1), reader.GetBoolean(2), reader.GetString(3)));
        }

        return runs;
    }

    private static Process StartNginx(TempFolder work, int listen, int upstreamA, int upstreamB)
    {
        var prefix = work.Path;
        var config = $$"""
            worker_processes 1;
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 128; }
            http {
                log_format upstream '$request_method $uri $status $upstream_addr';
                access_log {{prefix}}/access.log upstream;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                upstream secondsource { server 127.0.0.1:{{upstreamA}}; server 127.0.0.1:{{upstreamB}}; }
                server {
                    listen 127.0.0.1:{{listen}};
                    location / {
                        proxy_pass http://secondsource;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
            }
            """;
        var file = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(file, config);
        var nginx = Process.Start(new ProcessStartInfo(NginxPath, $"-p \"{prefix}\" -c \"{file}\"") { UseShellExecute = false, RedirectStandardError = true })!;
        for (var i = 0; i < 100; i++)
        {
            using var probe = new TcpClient();
            try
            {
                probe.Connect(IPAddress.Loopback, listen);
                return nginx;
            }
            catch (SocketException) when (!nginx.HasExited)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on {listen}: {nginx.StandardError.ReadToEnd()}");
    }

    /// <summary>One web instance as a user starts it: a real process of the built web host.</summary>
    private sealed class WebProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _error = new();

        private WebProcess(Process process, string name)
        {
            _process = process;
            Name = name;
            _process.ErrorDataReceived += (_, e) =>
            {
                lock (_error)
                {
                    _error.AppendLine(e.Data);
                }
            };
            _process.BeginErrorReadLine();
        }

        public string Name { get; }

        public static WebProcess Start(string name, int port, TestDatabase database, bool seedDemo)
        {
            var web = WebHostBinary.Path;
            var info = new ProcessStartInfo("dotnet", $"exec \"{web}\" {(seedDemo ? "--seed-demo " : "")}--urls http://127.0.0.1:{port} --data \"{database.Folder.Path}\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(web)!,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Database__Provider"] = "Postgres";
            info.Environment["ConnectionStrings__SecondSource"] = database.Settings.ConnectionString;
            info.Environment["Scheduling__Instance"] = name;
            info.Environment["ReverseProxy__KnownProxies"] = "127.0.0.1";
            info.Environment["Scheduling__TickSeconds"] = "0.5";
            info.Environment["Scheduling__CrlRefreshEvery"] = "00:00:02";
            info.Environment["Scheduling__CrlRepublishAfter"] = "00:00:00";
            return new WebProcess(Process.Start(info)!, name);
        }

        /// <summary>Reads standard output until Kestrel listens; returns what was printed.</summary>
        public async Task<List<string>> WaitUntilListeningAsync()
        {
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Now listening on", StringComparison.Ordinal))
                {
                    // Keep draining so the process never blocks on a full pipe.
                    _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return lines;
                }
            }

            lock (_error)
            {
                throw new InvalidOperationException($"Instance {Name} exited before listening: {string.Join('\n', lines)}\n{_error}");
            }
        }

        public void Stop()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Stop();
            _process.Dispose();
        }
    }
}
