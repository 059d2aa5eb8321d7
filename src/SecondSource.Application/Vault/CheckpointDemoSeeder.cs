using SecondSource.Application.Demo;

namespace SecondSource.Application.Vault;

/// <summary>
/// Signs the demo's first checkpoint of the access log once every other feature has logged its actions (the last
/// seeder), generating the checkpoint key in custody as a fresh installation's first scheduled run would.
/// </summary>
public sealed class CheckpointDemoSeeder(SignLogCheckpointHandler sign) : IDemoSeeder
{
    public int Order => 1000;

    public string Feature => "Access-log checkpoint";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = new Actor("admin@aurora-medical.example", context.Buyer?.Name ?? "Aurora Medical Instruments AB", null);
        _ = DemoSeedContext.Value(await sign.HandleAsync(new SignLogCheckpointRequest(actor), ct), "the access log's checkpoint");
    }
}
