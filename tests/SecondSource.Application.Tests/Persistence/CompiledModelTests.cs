using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

/// <summary>
/// The compiled SQLite model (ADR 0020) is the model the code builds: same tables and columns, and the same party filter
/// on every entity. When one of these fails after a model change, regenerate it with the command in README.md.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "the compiled SQLite model is out of date: regenerate it (README, \"Adding a migration\")";

    [Fact]
    public async Task A_sqlite_context_runs_on_the_compiled_model_and_a_postgres_one_does_not()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var db = database.CreateContext(PartyScope.Unrestricted);

        db.Model.GetType().FullName.ShouldBe("SecondSource.Migrations.Sqlite.CompiledModel.SecondSourceDbContextModel");

        var postgres = new DbContextOptionsBuilder<SecondSourceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(postgres, DatabaseSettings.ForPostgres("Host=127.0.0.1;Database=none", database.Folder.Path));
        await using var onPostgres = new SecondSourceDbContext(postgres.Options, FixedPartyContext.System);
        onPostgres.Model.GetType().FullName.ShouldNotBe("SecondSource.Migrations.Sqlite.CompiledModel.SecondSourceDbContextModel", "the compiled model is SQLite's; PostgreSQL builds its own");
    }

    [Fact]
    public async Task The_compiled_model_has_the_tables_and_columns_the_code_builds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var compiled = database.CreateContext(PartyScope.Unrestricted);
        await using var built = Built(database);

        Shape(compiled.Model.GetRelationalModel()).ShouldBe(Shape(built.Model.GetRelationalModel()), Regenerate);
        Properties(compiled.Model).ShouldBe(Properties(built.Model), Regenerate);
    }

    [Fact]
    public async Task Every_entity_has_the_same_party_filter_in_the_compiled_model_as_in_the_built_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var compiled = database.CreateContext(PartyScope.Unrestricted);
        await using var built = Built(database);

        var builtTypes = built.Model.GetEntityTypes().ToList();
        compiled.Model.GetEntityTypes().Select(t => t.ClrType).ShouldBe(builtTypes.Select(t => t.ClrType), ignoreOrder: true, Regenerate);
        var filtered = 0;
        foreach (var builtType in builtTypes)
        {
            var compiledType = compiled.Model.FindEntityType(builtType.ClrType)!;
            var expected = builtType.GetDeclaredQueryFilters().Select(f => (f.Key, Print(f.Expression!))).ToList();
            var actual = compiledType.GetDeclaredQueryFilters().Select(f => (f.Key, Print(f.Expression!))).ToList();
            actual.ShouldBe(expected, builtType.ClrType.Name);
            filtered += expected.Count;
        }

        filtered.ShouldBeGreaterThan(60, "every party-owned, buyer-only and shared entity is filtered");
    }

    /// <summary>A context on the same file whose model is built from the code, as before the compiled model.</summary>
    private static SecondSourceDbContext Built(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<SecondSourceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(options, database.Settings with { UseCompiledModel = false });
        return new SecondSourceDbContext(options.Options, FixedPartyContext.System);
    }

    /// <summary>Every entity's properties with what SQLite's store types do not show: length, precision, conversion, generation.</summary>
    private static List<string> Properties(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(t => t.GetProperties().Select(p =>
            $"{t.ClrType.Name}.{p.Name} {p.ClrType.Name} {(p.IsNullable ? "null" : "not null")} length {p.GetMaxLength()} precision {p.GetPrecision()},{p.GetScale()} " +
            $"as {p.GetTypeMapping().Converter?.GetType().Name ?? "-"}/{p.GetProviderClrType()?.Name ?? "-"} generated {p.ValueGenerated} concurrency {p.IsConcurrencyToken}"))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Every table, column (store type, nullability), key, index and foreign key as a line of text.</summary>
    private static List<string> Shape(IRelationalModel model) =>
    [
        .. model.Tables.SelectMany(t => new[] { $"table {t.Name}" }
            .Concat(t.Columns.Select(c => $"  column {t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"))
            .Concat(t.UniqueConstraints.Select(u => $"  key {u.Name} ({string.Join(", ", u.Columns.Select(c => c.Name))})"))
            .Concat(t.Indexes.Select(i => $"  index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"  foreign key {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}")))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// The filter as text, with the context it was bound to written as "context": the built model's filters hold the
    /// context that built the model, the compiled model's a typed stand-in; the query pipeline replaces both alike.
    /// </summary>
    private static string Print(LambdaExpression filter) => new ContextAsText().Visit(filter)!.ToString();

    private sealed class ContextAsText : ExpressionVisitor
    {
        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Type == typeof(SecondSourceDbContext) ? Expression.Parameter(typeof(SecondSourceDbContext), "context") : node;
    }
}
