using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stratum.Data.Audit;
using Stratum.Data.Sqlite;

namespace Stratum.Data.Tests;

public sealed class MigrationTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Migrations_apply_to_a_fresh_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.Context(ClinicScope.Admin);

        (await context.Database.GetPendingMigrationsAsync(TestDatabase.Cancel)).ShouldBeEmpty();
        (await context.Database.GetAppliedMigrationsAsync(TestDatabase.Cancel)).ShouldBe(context.Database.GetMigrations());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.Context(ClinicScope.Admin);

        context.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task Sqlite_database_is_in_wal_mode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(TestDatabase.Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        (await command.ExecuteScalarAsync(TestDatabase.Cancel)).ShouldBe("wal");
    }

    [Fact]
    public async Task Without_configuration_the_data_is_a_sqlite_file_under_App_Data()
    {
        var contentRoot = Directory.CreateTempSubdirectory("stratum-root-").FullName;
        try
        {
            await using var services = new ServiceCollection()
                .AddSingleton<IClinicScope>(ClinicScope.Admin)
                .AddStratumData(new ConfigurationBuilder().Build(), contentRoot)
                .BuildServiceProvider();

            await StratumDatabase.MigrateAsync(services, TestDatabase.Cancel);

            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<StratumDbContext>().ShouldBeOfType<SqliteStratumDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().ShouldNotBeNull();
            File.Exists(Path.Combine(contentRoot, "App_Data", "stratum.db")).ShouldBeTrue();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_a_configuration_error()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Stratum:Database", "postgres")]).Build();

        Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddStratumData(configuration, Path.GetTempPath()))
            .Message.ShouldContain("ConnectionStrings:Stratum");
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    public void Database_setting_chooses_the_provider(string? setting, DatabaseProvider expected) =>
        StratumDatabase.ProviderFrom(setting).ShouldBe(expected);

    [Fact]
    public void Unknown_database_setting_is_refused() =>
        Should.Throw<InvalidOperationException>(() => StratumDatabase.ProviderFrom("mysql"));
}
