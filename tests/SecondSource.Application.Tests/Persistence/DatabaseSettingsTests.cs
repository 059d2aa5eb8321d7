using Microsoft.Extensions.Configuration;
using SecondSource.Application.Persistence;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings Resolve(params (string Key, string? Value)[] values) =>
        DatabaseSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void The_default_is_sqlite_in_the_data_folder_of_the_working_directory()
    {
        var settings = Resolve();

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.DataFolder.ShouldBe(Path.GetFullPath("data"));
        settings.Location.ShouldBe(Path.Combine(Path.GetFullPath("data"), "secondsource.db"));
        settings.ConnectionString.ShouldContain("Foreign Keys=True");
    }

    [Fact]
    public void The_data_option_wins_over_the_environment_variable()
    {
        Resolve(("SECONDSOURCE_DATA", "/srv/ss")).DataFolder.ShouldBe("/srv/ss");
        Resolve(("SECONDSOURCE_DATA", "/srv/ss"), ("data", "/tmp/other")).DataFolder.ShouldBe("/tmp/other");
    }

    [Fact]
    public void Postgres_takes_the_connection_string_and_describes_it_without_the_password()
    {
        var settings = Resolve(("Database:Provider", "postgres"), ("ConnectionStrings:SecondSource", "Host=db.example;Port=5433;Database=ss;Username=app;Password=hunter2"));

        settings.Provider.ShouldBe(DatabaseProvider.Postgres);
        settings.Location.ShouldBe("db.example:5433/ss as app");
    }

    [Fact]
    public void Postgres_without_a_connection_string_says_which_key_to_set()
    {
        Should.Throw<DatabaseConfigurationException>(() => Resolve(("Database:Provider", "Postgres")))
            .Message.ShouldContain("ConnectionStrings:SecondSource is not set");
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    public void An_unknown_provider_is_named_in_the_error(string provider)
    {
        Should.Throw<DatabaseConfigurationException>(() => Resolve(("Database:Provider", provider)))
            .Message.ShouldBe($"Database:Provider is '{provider}'; use Sqlite or Postgres.");
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_with_the_reason()
    {
        Should.Throw<DatabaseConfigurationException>(() => Resolve(("Database:Provider", "Postgres"), ("ConnectionStrings:SecondSource", "Hostt=x;=;")))
            .Message.ShouldContain("not a valid PostgreSQL connection string");
    }

    [Fact]
    public void A_data_folder_that_cannot_be_written_is_refused_with_its_path()
    {
        using var folder = new TempFolder("readonly");
        var blocked = Path.Combine(folder.Path, "file-not-folder");
        File.WriteAllText(blocked, "");

        Should.Throw<DatabaseConfigurationException>(() => DataFolder.EnsureWritable(Path.Combine(blocked, "data")))
            .Message.ShouldStartWith($"The data folder {Path.Combine(blocked, "data")} cannot be written");
    }
}
