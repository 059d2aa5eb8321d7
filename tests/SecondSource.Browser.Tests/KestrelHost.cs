using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SecondSource.Browser.Tests;

/// <summary>Runs the test app on Kestrel (loopback, a free port) so a real browser can reach it.</summary>
internal static class KestrelHost
{
    /// <summary>Starts <paramref name="app"/> on a free loopback port (with the demo seeded) and returns its address.</summary>
    public static async Task<Uri> StartOnLoopbackAsync(this SecondSourceWebFactory app)
    {
        app.UseKestrel(0);
        await app.InitializeAsync();
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }
}
