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

    // On PostgreSQL only: SQLite's table rebuild checks foreign keys, so the lone event of this test cannot pass through it; the copying SQL is the same text.
    [Fact]
    public async Task An_adverse_events_follow_up_text_of_before_becomes_its_first_dated_note()
    {
        const DatabaseProvider provider = DatabaseProvider.Postgres;
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var context = database.Context(ClinicScope.Admin))
        {
            var migrations = context.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_AdverseEventFollowUpNotes", StringComparison.Ordinal)) - 1];
            await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before, TestDatabase.Cancel);
        }

        // The event alone, without its clinic and patient: only the follow-up text matters here.
        var (noChecks, reportedAt) = provider == DatabaseProvider.Sqlite
            ? ("PRAGMA foreign_keys = OFF;", "1764000000000000")
            : ("""
               DO $$ DECLARE r record; BEGIN
                 FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = '"AdverseEvents"'::regclass AND contype = 'f' LOOP
                   EXECUTE format('ALTER TABLE "AdverseEvents" DROP CONSTRAINT %I', r.conname);
                 END LOOP;
               END $$;
               """, "'2025-11-24 16:00:00+00'");
        await database.ExecuteAsync($"""
            {noChecks}
            INSERT INTO "AdverseEvents" ("Id", "ClinicId", "PatientId", "OccurredOn", "ReportedAt", "ReportedBy", "TriageUrgency", "FollowUp", "Version")
            VALUES ('6f9d1c52-0a57-4d5e-9a51-3c2b7f0e8a11', '0b8f6a3e-2c41-4f0d-8e7a-5d9c1b2a3f40', '9e2d4c6b-8a1f-4b3e-9c5d-7f6e5d4c3b2a',
                    '2025-11-24', {reportedAt}, 'front-desk-user', 'contact-clinic', 'call back tomorrow morning', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
            """);

        await using (var context = database.Context(ClinicScope.Admin))
        {
            await context.Database.MigrateAsync(TestDatabase.Cancel);
            var adverse = await context.Scoped<AdverseEvents.AdverseEvent>().AsNoTracking().SingleAsync(TestDatabase.Cancel);
            var note = adverse.Notes.ShouldHaveSingleItem();
            (note.Number, note.WrittenOn, note.WrittenBy, note.Text).ShouldBe((1, new DateOnly(2025, 11, 24), "front-desk-user", "call back tomorrow morning"));
            note.WrittenAt.ShouldBe(adverse.ReportedAt);
            adverse.IsOpen.ShouldBeTrue();
        }
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
