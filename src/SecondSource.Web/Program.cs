using SecondSource.Application.Persistence;
using SecondSource.Web.Api;
using SecondSource.Web.Hosting;

// --seed-demo is ours, not a configuration key: take it out before the standard sources read the arguments.
var seedDemo = args.Contains(StartupTasks.SeedDemoSwitch);
args = [.. args.Where(a => a != StartupTasks.SeedDemoSwitch)];

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = ContentRoot.For(args, Environment.GetEnvironmentVariable, AppContext.BaseDirectory),
    });
    builder.AddSecondSourceWeb();

    var app = builder.Build();
    app.UseSecondSourcePipeline();
    app.MapHealthEndpoints();
    app.MapApiDescription();
    app.MapRazorPages();
    app.MapMeApi();
    app.MapVaultApi();
    app.MapTestDataApi();
    app.MapBomsApi();
    app.MapProvisioningApi();
    app.MapApiNotFound();

    var exitCode = await StartupTasks.RunAsync(app, seedDemo, Console.Out, Console.Error);
    if (exitCode != 0)
    {
        return exitCode;
    }

    await app.RunAsync();
    return 0;
}
catch (DatabaseConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"secondsource: {ex.Message}");
    return 2;
}
catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    await Console.Error.WriteLineAsync($"secondsource: cannot listen: {ex.Message} Use --urls to choose another address.");
    return 2;
}

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
