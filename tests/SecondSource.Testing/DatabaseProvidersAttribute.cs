using System.Reflection;
using SecondSource.Application.Persistence;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace SecondSource.Testing;

/// <summary>
/// Runs a theory once per database provider: SQLite always, PostgreSQL when <see cref="TestDatabase.PostgresVariable"/>
/// is set (otherwise that row is skipped with the reason, by <see cref="TestDatabase.CreateAsync"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseProvidersAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite), new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
