using System.Diagnostics;
using Stratum.Data.Lots;

namespace Stratum.Data.Tests.Lots;

public sealed class RecallPerformanceTests
{
    private const int Sessions = 1_000_000;
    private const int Lots = 10_000;

    /// <summary>Issue 5: the recall query over 1,000,000 sessions answers in under 50 ms (the (ClinicId, LotNumber) index).</summary>
    [Theory, ClassData(typeof(Providers))]
    public async Task Recall_over_a_million_sessions_answers_within_50_ms(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var patient = await database.PatientAsync(clinic.Id);
        var consent = await database.ConsentAsync(clinic.Id, patient.Id);
        var seed = Builders.Session(clinic.Id, patient.Id, consent.Id, "SEED");
        await using (var context = database.Context(ClinicScope.Of(clinic.Id)))
        {
            context.Sessions.Add(seed);
            await context.SaveChangesAsync(TestDatabase.Cancel);
        }

        await database.ExecuteAsync(BulkInsert(provider, seed.Id), TimeSpan.FromMinutes(10));

        await using var scoped = database.Context(ClinicScope.Of(clinic.Id));
        (await scoped.SessionsByLotAsync(clinic.Id, "BULK-42", TestDatabase.Cancel)).Count.ShouldBe(Sessions / Lots);
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            await scoped.SessionsByLotAsync(clinic.Id, $"BULK-{run * 7}", TestDatabase.Cancel);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: best of 5 recall queries {best.TotalMilliseconds:F1} ms");
        best.TotalMilliseconds.ShouldBeLessThan(50);
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
