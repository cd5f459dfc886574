using BoDashboard.Studies.Persistence;
using Microsoft.Extensions.Configuration;

namespace BoDashboard.Studies.Tests;

public sealed class StorageLocationsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Sqlite_paths_are_taken_from_the_repository_root_not_the_working_directory()
    {
        var locations = StorageLocations.From(Config(), "/srv/bo");

        Assert.Equal(StorageProvider.Sqlite, locations.Provider);
        Assert.Equal("Data Source=/srv/bo/data/app/studies.db", locations.StudiesConnectionString);
        Assert.Equal("/srv/bo/data/app/hangfire.db", locations.HangfireStorage);
    }

    [Fact]
    public void PostgreSql_uses_the_studies_connection_for_hangfire_unless_told_otherwise()
    {
        const string cs = "Host=127.0.0.1;Database=bo";

        var locations = StorageLocations.From(Config(("Storage:Provider", "postgresql"), ("ConnectionStrings:Studies", cs)), "/srv/bo");

        Assert.Equal(StorageProvider.PostgreSql, locations.Provider);
        Assert.Equal(cs, locations.StudiesConnectionString);
        Assert.Equal(cs, locations.HangfireStorage);
    }

    [Theory]
    [InlineData("Storage:Provider", "mongodb", "Sqlite or PostgreSql")]
    [InlineData("Storage:Provider", "PostgreSql", "ConnectionStrings:Studies")]
    public void Bad_storage_settings_say_what_to_set(string key, string value, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => StorageLocations.From(Config((key, value)), "/srv/bo"));

        Assert.Contains(message, e.Message);
    }
}
