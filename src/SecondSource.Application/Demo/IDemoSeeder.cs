namespace SecondSource.Application.Demo;

/// <summary>
/// Loads one feature's part of the demo installation. Each feature registers its own seeder; they run in
/// <see cref="Order"/> inside one transaction and pass what they created to later ones through the context.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first. Parties are 100; later features use higher numbers.</summary>
    int Order { get; }

    /// <summary>The feature, for the console report.</summary>
    string Feature { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken ct);
}
