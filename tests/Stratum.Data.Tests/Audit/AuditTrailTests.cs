using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Stratum.Data.Audit;
using Stratum.Data.Patients;

namespace Stratum.Data.Tests.Audit;

public sealed class AuditTrailTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Chain_of_many_appends_verifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        await AppendAsync(database, clinic.Id, count: 60, perSave: 7);

        var verification = await VerifyAsync(database, clinic.Id);

        verification.Ok.ShouldBeTrue(verification.Reason);
        verification.Entries.ShouldBe(60);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Concurrent_appends_from_several_contexts_keep_one_unbroken_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => AppendAsync(database, clinic.Id, count: 20, perSave: 1))));

        var verification = await VerifyAsync(database, clinic.Id);
        verification.Ok.ShouldBeTrue(verification.Reason);
        verification.Entries.ShouldBe(80);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Entry_is_written_with_the_change_it_records(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var time = new FakeTimeProvider(Builders.Noon.AddTicks(1234567));
        await using (var context = database.Context(ClinicScope.Of(clinic.Id)))
        {
            var patient = Patient.Create(clinic.Id, "Lovelace", "Ada", new DateOnly(1990, 12, 10));
            context.Patients.Add(patient);
            TestDatabase.Audit(context, time).Append(Record(clinic.Id, AuditAction.Create, patient.Id));
            await context.SaveChangesAsync(TestDatabase.Cancel);
        }

        await using var check = database.Context(ClinicScope.Of(clinic.Id));
        var entry = await check.AuditEntries.SingleAsync(TestDatabase.Cancel);
        entry.Sequence.ShouldBe(1);
        entry.PatientId.ShouldBe((await check.Patients.SingleAsync(TestDatabase.Cancel)).Id);
        entry.At.ShouldBe(Builders.Noon.AddTicks(1234560));
        entry.PreviousHash.ShouldBe(AuditEntry.Genesis);
        entry.Hash.ShouldBe(entry.ComputeHash());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Each_clinic_has_its_own_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");
        await AppendAsync(database, a.Id, count: 3, perSave: 3);
        await AppendAsync(database, b.Id, count: 2, perSave: 1);

        await using var context = database.Context(ClinicScope.Of(b.Id));

        (await context.AuditEntries.Select(e => e.Sequence).ToListAsync(TestDatabase.Cancel)).ShouldBe([1, 2], ignoreOrder: true);
        (await VerifyAsync(database, a.Id)).Entries.ShouldBe(3);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Changed_entry_is_reported_at_its_sequence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        await AppendAsync(database, clinic.Id, count: 10, perSave: 1);

        await TamperAsync(database, $"""UPDATE "AuditEntries" SET "Action" = 'delete' WHERE "Sequence" = 6""");

        var verification = await VerifyAsync(database, clinic.Id);
        verification.BrokenAt.ShouldBe(6);
        verification.Reason.ShouldBe("its hash does not match its content");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Entry_with_a_forged_hash_is_reported_at_its_sequence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        await AppendAsync(database, clinic.Id, count: 5, perSave: 1);

        await TamperAsync(database, $"""UPDATE "AuditEntries" SET "Hash" = '{new string('f', 64)}' WHERE "Sequence" = 3""");

        (await VerifyAsync(database, clinic.Id)).BrokenAt.ShouldBe(3);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Removed_entries_are_reported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        await AppendAsync(database, clinic.Id, count: 6, perSave: 2);

        await TamperAsync(database, """DELETE FROM "AuditEntries" WHERE "Sequence" = 4""");
        (await VerifyAsync(database, clinic.Id)).BrokenAt.ShouldBe(4);

        await TamperAsync(database, """DELETE FROM "AuditEntries" WHERE "Sequence" >= 4""");
        var truncated = await VerifyAsync(database, clinic.Id);
        truncated.BrokenAt.ShouldBe(4);
        truncated.Reason!.ShouldContain("removed");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Database_refuses_to_update_or_delete_an_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        await AppendAsync(database, clinic.Id, count: 2, perSave: 2);

        (await Should.ThrowAsync<Exception>(() => database.ExecuteAsync("""UPDATE "AuditEntries" SET "Outcome" = 'denied'""")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => database.ExecuteAsync("""DELETE FROM "AuditEntries" """)))
            .Message.ShouldContain("append-only");
        (await VerifyAsync(database, clinic.Id)).Ok.ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Code_cannot_delete_an_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        await AppendAsync(database, clinic.Id, count: 1, perSave: 1);
        await using var context = database.Context(ClinicScope.Of(clinic.Id));

        context.AuditEntries.Remove(await context.AuditEntries.SingleAsync(TestDatabase.Cancel));

        await Should.ThrowAsync<InvalidOperationException>(() => context.SaveChangesAsync(TestDatabase.Cancel));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Verifying_another_clinics_chain_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");
        await using var context = database.Context(ClinicScope.Of(a.Id));

        await Should.ThrowAsync<ClinicScopeViolationException>(() => TestDatabase.Audit(context).VerifyAsync(b.Id, TestDatabase.Cancel));
    }

    private static AuditRecord Record(Guid clinicId, AuditAction action = AuditAction.Read, Guid? patientId = null) =>
        new(clinicId, "user-1", action, "patient", patientId?.ToString(), patientId, AuditOutcome.Success, "127.0.0.1");

    private static async Task AppendAsync(TestDatabase database, Guid clinicId, int count, int perSave)
    {
        for (var saved = 0; saved < count; saved += perSave)
        {
            await using var context = database.Context(ClinicScope.Of(clinicId));
            var audit = TestDatabase.Audit(context);
            for (var i = saved; i < Math.Min(count, saved + perSave); i++)
            {
                audit.Append(Record(clinicId, patientId: Guid.NewGuid()));
            }

            await context.SaveChangesAsync(TestDatabase.Cancel);
        }
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database, Guid clinicId)
    {
        await using var context = database.Context(ClinicScope.Of(clinicId));
        return await TestDatabase.Audit(context).VerifyAsync(clinicId, TestDatabase.Cancel);
    }

    /// <summary>
    /// An attacker with database access: the append-only triggers are removed first (SQLite) or disabled (PostgreSQL,
    /// as the table's owner), then the row is changed directly.
    /// </summary>
    private static Task<int> TamperAsync(TestDatabase database, string sql) => database.ExecuteAsync(database.Provider == DatabaseProvider.Sqlite
        ? $"""DROP TRIGGER IF EXISTS "AuditEntries_no_update"; DROP TRIGGER IF EXISTS "AuditEntries_no_delete"; {sql};"""
        : $"""ALTER TABLE "AuditEntries" DISABLE TRIGGER USER; {sql}; ALTER TABLE "AuditEntries" ENABLE TRIGGER USER;""");
}
