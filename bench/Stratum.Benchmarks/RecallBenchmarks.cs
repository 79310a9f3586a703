using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Clinics;
using Stratum.Data.Consents;
using Stratum.Data.Infrastructure;
using Stratum.Data.Lots;
using Stratum.Data.Patients;
using Stratum.Data.Postgres;
using Stratum.Data.Sessions;
using Stratum.Data.Sqlite;

namespace Stratum.Benchmarks;

/// <summary>
/// Issue 5 target: "who was treated with lot X" over 1,000,000 sessions (10,000 lots, 100 sessions each) answers in
/// under 50 ms, served by the (ClinicId, LotNumber) index. The target is absolute; the issue names no baseline.
/// SQLite always (a temporary file); PostgreSQL when <c>STRATUM_TEST_POSTGRES</c> holds an admin connection string,
/// in a throw-away database dropped afterwards. Both are migrated with the real migrations and analysed after the
/// bulk insert. Each call opens its own context, as a request would, and asks for the next lot in turn.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RecallBenchmarks
{
    public const string PostgresVariable = "STRATUM_TEST_POSTGRES";
    public const int Sessions = 1_000_000;
    public const int Lots = 10_000;

    private static readonly DateOnly Today = new(2026, 11, 25);

    private string _connectionString = "";
    private string? _sqlitePath;
    private string? _postgresName;
    private Guid _clinicId;
    private int _next;

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? [DatabaseProvider.Sqlite]
            : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [GlobalSetup]
    public async Task CreateDatabaseAsync()
    {
        _connectionString = Provider == DatabaseProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync();
        await using (var admin = Context(ClinicScope.Admin))
        {
            await admin.Database.MigrateAsync();
            var clinic = Clinic.Create("Clinic");
            admin.Clinics.Add(clinic);
            await admin.SaveChangesAsync();
            _clinicId = clinic.Id;
        }

        Session seed;
        await using (var scoped = Context(ClinicScope.Of(_clinicId)))
        {
            var patient = Patient.Create(_clinicId, "Lovelace", "Ada", new DateOnly(1990, 12, 10), phototype: 3);
            var consent = Consent.Sign(_clinicId, patient.Id, "consent-v1", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), "Ada Lovelace", "user-1", photoConsent: true, SignatureKind.Typed);
            seed = Session.Record(_clinicId, patient.Id, null, Today, "user-1", new DeviceUsed("Acme", "Pen 2", "12-needle cartridge"), "SEED",
                Today.AddYears(1), consent.Id, [new TreatedZone(Zone.Cheeks, 1.5m, 3), new TreatedZone(Zone.Forehead, 0.5m, 2)]);
            scoped.Patients.Add(patient);
            scoped.Consents.Add(consent);
            scoped.Sessions.Add(seed);
            await scoped.SaveChangesAsync();
        }

        await using (var admin = Context(ClinicScope.Admin))
        {
            admin.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await admin.Database.ExecuteSqlRawAsync(BulkInsert(Provider, seed.Id));
        }

        var found = (await SessionsByLot()).Items.Count;
        if (found != Sessions / Lots)
        {
            throw new InvalidOperationException($"{Provider}: lot BULK-0 has {found} sessions; expected {Sessions / Lots}.");
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
            await BenchPostgres.DropDatabaseAsync(Environment.GetEnvironmentVariable(PostgresVariable)!, _postgresName);
        }
    }

    [Benchmark(Description = "SessionsByLotAsync, 1,000,000 sessions")]
    public async Task<RecallPage> SessionsByLot()
    {
        // Steps through the lots (7 is coprime to 10,000) so no two calls in a row read the same rows.
        var lot = $"BULK-{_next++ * 7 % Lots}";
        await using var db = Context(ClinicScope.Of(_clinicId));
        return await db.SessionsByLotAsync(_clinicId, lot, 1, LotRecall.MaxPageSize, CancellationToken.None);
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

    private string CreateSqlite()
    {
        _sqlitePath = Path.Combine(Path.GetTempPath(), $"stratum-bench-{Guid.NewGuid():n}.db");
        return new SqliteConnectionStringBuilder { DataSource = _sqlitePath }.ToString();
    }

    private async Task<string> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        _postgresName = await BenchPostgres.CreateDatabaseAsync(admin, "stratum_bench");

        return new NpgsqlConnectionStringBuilder(admin) { Database = _postgresName }.ToString();
    }

    // Copies of the seed session straight in SQL, with ascending ids: a million through the change tracker would take minutes.
    private static string BulkInsert(DatabaseProvider provider, Guid seedId)
    {
        const string columns = """
            "Id", "ClinicId", "PatientId", "TreatmentPlanId", "Date", "OperatorId", "Device_Make", "Device_Model",
            "Device_NeedleConfiguration", "LotNumber", "LotExpiry", "ConsentId", "Notes", "OverrideReason", "Version"
            """;
        const string copied = """
            s."ClinicId", s."PatientId", NULL, s."Date", s."OperatorId", s."Device_Make", s."Device_Model",
            s."Device_NeedleConfiguration", 'BULK-' || (i % 10000), s."LotExpiry", s."ConsentId", NULL, NULL, s."Version"
            """;
        return provider == DatabaseProvider.Sqlite
            ? $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Sessions})
                INSERT INTO "Sessions" ({columns})
                SELECT printf('00000000-0000-4000-8000-%012X', i), {copied}
                FROM n, "Sessions" AS s WHERE s."Id" = '{seedId.ToString().ToUpperInvariant()}';
                ANALYZE;
                """
            : $"""
                INSERT INTO "Sessions" ({columns})
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, {copied}
                FROM generate_series(1, {Sessions}) AS i, "Sessions" AS s WHERE s."Id" = '{seedId}';
                ANALYZE "Sessions";
                """;
    }
}
