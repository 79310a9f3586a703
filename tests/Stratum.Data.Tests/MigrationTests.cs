using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    public async Task A_database_upgraded_one_migration_at_a_time_ends_up_identical_to_a_fresh_one(DatabaseProvider provider)
    {
        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using var upgraded = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var context = upgraded.Context(ClinicScope.Admin))
        {
            var migrator = context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            foreach (var migration in context.Database.GetMigrations())
            {
                await migrator.MigrateAsync(migration, TestDatabase.Cancel);
            }
        }

        var schema = await SchemaAsync(fresh);
        schema.Count.ShouldBeGreaterThan(20);
        (await SchemaAsync(upgraded)).ShouldBe(schema);
    }

    /// <summary>Tables, columns, indexes and triggers, as text lines in a stable order.</summary>
    private static async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        var sql = database.Provider == DatabaseProvider.Sqlite
            ? """SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"""
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public'
              UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
              UNION ALL SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
              ORDER BY 1
              """;
        await using var context = database.Context(ClinicScope.Admin);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(TestDatabase.Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestDatabase.Cancel);
        while (await reader.ReadAsync(TestDatabase.Cancel))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
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
