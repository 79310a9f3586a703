using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Stratum.Data;
using Stratum.Data.Clinics;
using Stratum.Data.Infrastructure;
using Stratum.Data.Patients;
using Stratum.Data.Postgres;
using Stratum.Data.Sqlite;

namespace Stratum.Benchmarks;

/// <summary>
/// Issue 17 target: a clinic with 100,000 patients gets the first page of its patient list (and of a search) in well
/// under 100 ms. The target is absolute. SQLite always; PostgreSQL when <c>STRATUM_TEST_POSTGRES</c> is set.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PatientListBenchmarks
{
    public const int Patients = 100_000;

    private string _connectionString = "";
    private string? _sqlitePath;
    private string? _postgresName;
    private Guid _clinicId;

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> Providers() =>
        BenchPostgres.Admin is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [GlobalSetup]
    public async Task CreateDatabaseAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            _sqlitePath = Path.Combine(Path.GetTempPath(), $"stratum-bench-{Guid.NewGuid():n}.db");
            _connectionString = new SqliteConnectionStringBuilder { DataSource = _sqlitePath }.ToString();
        }
        else
        {
            _postgresName = await BenchPostgres.CreateDatabaseAsync(BenchPostgres.Admin!, "stratum_bench");
            _connectionString = new NpgsqlConnectionStringBuilder(BenchPostgres.Admin) { Database = _postgresName }.ToString();
        }

        await using var admin = Context(ClinicScope.Admin);
        await admin.Database.MigrateAsync();
        var clinic = Clinic.Create("Clinic");
        admin.Clinics.Add(clinic);
        await admin.SaveChangesAsync();
        _clinicId = clinic.Id;
        admin.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await admin.Database.ExecuteSqlRawAsync(BulkInsert(Provider, _clinicId));
        var first = await FirstPage();
        if (first.Total != Patients || first.Items.Count != 50)
        {
            throw new InvalidOperationException($"{Provider}: {first.Total} patients, {first.Items.Count} on the first page.");
        }
    }

    [GlobalCleanup]
    public async Task DropDatabaseAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqlitePath + suffix);
            }
        }

        if (_postgresName is not null)
        {
            await BenchPostgres.DropDatabaseAsync(BenchPostgres.Admin!, _postgresName);
        }
    }

    [Benchmark(Description = "Patient list, first page of 50, 100,000 patients")]
    public async Task<PatientPage> FirstPage()
    {
        await using var db = Context(ClinicScope.Of(_clinicId));
        return await PatientDirectory.FindAsync(db.Patients.AsNoTracking(), null, "GB", 1, 50, null, CancellationToken.None);
    }

    [Benchmark(Description = "Patient search by phone, 100,000 patients")]
    public async Task<PatientPage> ByPhone()
    {
        await using var db = Context(ClinicScope.Of(_clinicId));
        return await PatientDirectory.FindAsync(db.Patients.AsNoTracking(), "07911 050123", "GB", 1, 50, null, CancellationToken.None);
    }

    [Benchmark(Description = "Patient search by a name word, 100,000 patients")]
    public async Task<PatientPage> ByName()
    {
        await using var db = Context(ClinicScope.Of(_clinicId));
        return await PatientDirectory.FindAsync(db.Patients.AsNoTracking(), "family4242", "GB", 1, 50, null, CancellationToken.None);
    }

    private StratumDbContext Context(IClinicScope scope)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteStratumDbContext>();
            StratumDatabase.UseSqlite(sqlite, _connectionString);
            return new SqliteStratumDbContext(sqlite.Options, scope);
        }

        var postgres = new DbContextOptionsBuilder<PostgresStratumDbContext>();
        StratumDatabase.UsePostgres(postgres, _connectionString);
        return new PostgresStratumDbContext(postgres.Options, scope);
    }

    // Patients straight in SQL: family names repeat every 5,000, phones are +447911 and six digits.
    private static string BulkInsert(DatabaseProvider provider, Guid clinic) => provider == DatabaseProvider.Sqlite
        ? $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Patients})
            INSERT INTO "Patients" ("Id", "ClinicId", "FamilyName", "GivenName", "BirthDate", "SortKey", "Phototype", "Phone", "Email", "ContactPreference", "Version")
            SELECT printf('00000000-0000-4000-8000-%012X', i), '{clinic.ToString().ToUpperInvariant()}', 'Family' || (i % 5000), 'Given' || i, '1990-01-01',
                   'family' || (i % 5000) || ' given' || i || ' ' || printf('000000000000400080000%011x', i), 3, '+447911' || printf('%06d', i), 'p' || i || '@example.com', 'email',
                   printf('00000000-0000-4000-8000-%012X', i)
            FROM n;
            ANALYZE;
            """
        : $"""
            INSERT INTO "Patients" ("Id", "ClinicId", "FamilyName", "GivenName", "BirthDate", "SortKey", "Phototype", "Phone", "Email", "ContactPreference", "Version")
            SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '{clinic}', 'Family' || (i % 5000), 'Given' || i, DATE '1990-01-01',
                   'family' || (i % 5000) || ' given' || i || ' 000000000000400080000' || lpad(to_hex(i), 11, '0'), 3, '+447911' || lpad(i::text, 6, '0'), 'p' || i || '@example.com', 'email',
                   gen_random_uuid()
            FROM generate_series(1, {Patients}) AS i;
            ANALYZE "Patients";
            """;
}
