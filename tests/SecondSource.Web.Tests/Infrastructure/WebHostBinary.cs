using System.Net;
using System.Net.Sockets;
using SecondSource.Testing;

namespace SecondSource.Web.Tests.Infrastructure;

/// <summary>The web host built beside these tests, for tests that start it as a real process, and a free port for it.</summary>
public static class WebHostBinary
{
    /// <summary>artifacts/bin/SecondSource.Web/&lt;configuration&gt;/SecondSource.Web.dll, the configuration these tests run in.</summary>
    public static string Path =>
        TestPaths.InRepository(System.IO.Path.Combine("artifacts", "bin", "SecondSource.Web", new DirectoryInfo(AppContext.BaseDirectory).Name, "SecondSource.Web.dll"));

    /// <summary>Polls /health/ready until it answers 200, the process exits, or the time is up; true when ready.</summary>
    public static async Task<bool> WaitUntilReadyAsync(HttpClient client, System.Diagnostics.Process process, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(process);
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        return false;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
