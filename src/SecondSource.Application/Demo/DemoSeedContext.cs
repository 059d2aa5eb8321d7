using System.Security.Cryptography;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Demo;

/// <summary>A demo sign-in: printed once when the demo is loaded.</summary>
public sealed record DemoCredential(string Kind, string Party, string Role, string Login, string Secret);

/// <summary>Shared state of one demo run: the database, the clock, what earlier seeders made, the credentials to print.</summary>
public sealed class DemoSeedContext(SecondSourceDbContext db, TimeProvider clock)
{
    private readonly List<DemoCredential> _credentials = [];
    private readonly List<string> _summary = [];

    public SecondSourceDbContext Db { get; } = db;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The buyer, set by the parties seeder.</summary>
    public Party? Buyer { get; set; }

    /// <summary>The offshore primary CM, set by the parties seeder.</summary>
    public Party? PrimaryManufacturer { get; set; }

    /// <summary>The EU second-source CM, set by the parties seeder.</summary>
    public Party? SecondSourceManufacturer { get; set; }

    public IReadOnlyList<DemoCredential> Credentials => _credentials;

    public IReadOnlyList<string> Summary => _summary;

    public void AddCredential(DemoCredential credential) => _credentials.Add(credential);

    public void Report(string line) => _summary.Add(line);

    /// <summary>A use case's value, or the demo stops naming what it could not record.</summary>
    public static T Value<T>(Result<T> result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Failure is { } failure ? throw new InvalidOperationException($"The demo could not record {what}: {failure.Message}") : result.Value!;
    }

    /// <summary>A random password that satisfies the password rules: 4 groups of 5 base32 characters.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(alphabet, 5)));
        return string.Join('-', groups);
    }
}
