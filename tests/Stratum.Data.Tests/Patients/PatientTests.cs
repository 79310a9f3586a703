using Microsoft.EntityFrameworkCore;
using Stratum.Core.Vocabulary;
using Stratum.Data.Audit;
using Stratum.Data.Patients;

namespace Stratum.Data.Tests.Patients;

public sealed class PatientTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Recording_a_condition_again_replaces_its_status(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var patient = await database.PatientAsync(clinic.Id);
        await using (var context = database.Context(ClinicScope.Of(clinic.Id)))
        {
            var loaded = await context.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);
            loaded.RecordCondition(Condition.Rosacea, ConditionStatus.Active, since: new DateOnly(2020, 5, 1));
            await context.SaveChangesAsync(TestDatabase.Cancel);
            loaded.RecordCondition(Condition.Rosacea, ConditionStatus.Controlled, since: new DateOnly(2020, 5, 1));
            loaded.RecordMedication(Medication.TopicalRetinoid);
            await context.SaveChangesAsync(TestDatabase.Cancel);
        }

        await using var check = database.Context(ClinicScope.Of(clinic.Id));
        var stored = await check.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);
        stored.Conditions.ShouldBe([new PatientCondition(Condition.Rosacea, ConditionStatus.Controlled, new DateOnly(2020, 5, 1), null)]);
        stored.Medications.ShouldBe([new PatientMedication(Medication.TopicalRetinoid, null, null)]);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Vocabulary_is_stored_as_kebab_case_codes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var patient = await database.PatientAsync(clinic.Id);
        await using (var context = database.Context(ClinicScope.Of(clinic.Id)))
        {
            var loaded = await context.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);
            loaded.RecordCondition(Condition.HerpesLabialis, ConditionStatus.History);
            await context.SaveChangesAsync(TestDatabase.Cancel);
        }

        await using var raw = database.Context(ClinicScope.Admin);
        var codes = await raw.Database.SqlQueryRaw<string>("""SELECT "Code" AS "Value" FROM "PatientConditions" """).ToListAsync(TestDatabase.Cancel);

        codes.ShouldBe(["herpes-labialis"]);
    }

    [Fact]
    public void Phototype_outside_one_to_six_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Patient.Create(Guid.NewGuid(), "Lovelace", "Ada", new DateOnly(1990, 12, 10), phototype: 7));

    [Fact]
    public async Task Synchronous_save_of_an_audited_change_is_refused_so_the_audit_chain_is_always_linked_asynchronously()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clinic = await database.ClinicAsync();
        await using var context = database.Context(ClinicScope.Of(clinic.Id));
        TestDatabase.Audit(context).Append(new AuditRecord(clinic.Id, "user-1", AuditAction.Read, "patient", null, null, AuditOutcome.Success, null));

        Should.Throw<NotSupportedException>(() => context.SaveChanges());
        (await context.AuditEntries.CountAsync(TestDatabase.Cancel)).ShouldBe(0, "nothing was written");
    }
}
