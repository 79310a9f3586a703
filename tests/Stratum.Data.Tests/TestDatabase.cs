using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Stratum.Data.Audit;
using Stratum.Data.Postgres;
using Stratum.Data.Sqlite;

namespace Stratum.Data.Tests;

/// <summary>Every provider a test runs on: SQLite always, PostgreSQL when test.sh started one.</summary>
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}

/// <summary>A fresh, migrated database of its own: a temporary SQLite file, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "STRATUM_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Creates the database, migrated unless <paramref name="migrate"/> is false; on PostgreSQL without a server the test is skipped.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var database = provider == DatabaseProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync();
        if (migrate)
        {
            await using var context = database.Context(ClinicScope.Admin);
            await context.Database.MigrateAsync(Cancel);
        }

        return database;
    }

    public StratumDbContext Context(IClinicScope scope)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteStratumDbContext>();
            StratumDatabase.UseSqlite(sqlite, ConnectionString);
            return new SqliteStratumDbContext(sqlite.Options, scope);
        }

        var postgres = new DbContextOptionsBuilder<PostgresStratumDbContext>();
        StratumDatabase.UsePostgres(postgres, ConnectionString);
        return new PostgresStratumDbContext(postgres.Options, scope);
    }

    public static AuditTrail Audit(StratumDbContext context, TimeProvider? time = null) => new(context, time ?? TimeProvider.System);

    /// <summary>Runs SQL straight on the database, past EF and its checks: what someone with database access could do.</summary>
    public async Task<int> ExecuteAsync(string sql, TimeSpan? timeout = null)
    {
        await using var context = Context(ClinicScope.Admin);
        if (timeout is { } limit)
        {
            context.Database.SetCommandTimeout(limit);
        }

        return await context.Database.ExecuteSqlRawAsync(sql, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqlitePath + suffix);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static TestDatabase CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stratum-test-{Guid.NewGuid():n}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, path, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(admin), $"{PostgresVariable} is not set: ./test.sh starts a PostgreSQL server and sets it.");
        var name = $"stratum_test_{Guid.NewGuid():n}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(Cancel);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(Cancel);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, null, admin, name);
    }
}
