using Microsoft.EntityFrameworkCore;
using Stratum.Data.Patients;
using Stratum.Core.Vocabulary;

namespace Stratum.Data.Tests;

public sealed class ConcurrencyTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Stale_update_of_a_patient_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var patient = await database.PatientAsync(clinic.Id);
        await using var first = database.Context(ClinicScope.Of(clinic.Id));
        await using var second = database.Context(ClinicScope.Of(clinic.Id));
        var mine = await first.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);
        var theirs = await second.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);

        mine.Rename("Byron", "Ada");
        theirs.Rename("King", "Ada");
        await first.SaveChangesAsync(TestDatabase.Cancel);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestDatabase.Cancel));
        await using var check = database.Context(ClinicScope.Of(clinic.Id));
        (await check.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel)).FamilyName.ShouldBe("Byron");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Stale_change_to_a_patients_history_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var patient = await database.PatientAsync(clinic.Id);
        await using var first = database.Context(ClinicScope.Of(clinic.Id));
        await using var second = database.Context(ClinicScope.Of(clinic.Id));
        var mine = await first.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);
        var theirs = await second.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);

        mine.RecordMedication(Medication.Isotretinoin, lastDose: new DateOnly(2026, 8, 1));
        theirs.RecordAllergy(Allergy.Nickel);
        await first.SaveChangesAsync(TestDatabase.Cancel);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestDatabase.Cancel));
        await using var check = database.Context(ClinicScope.Of(clinic.Id));
        var stored = await check.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);
        stored.Medications.Select(m => m.Code).ShouldBe([Medication.Isotretinoin]);
        stored.Allergies.ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Of_two_stale_updates_exactly_one_succeeds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var patient = await database.PatientAsync(clinic.Id);
        var contexts = new[] { database.Context(ClinicScope.Of(clinic.Id)), database.Context(ClinicScope.Of(clinic.Id)) };
        var loaded = new List<Patient>();
        foreach (var context in contexts)
        {
            loaded.Add(await context.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel));
        }

        loaded[0].AssessPhototype(2);
        loaded[1].AssessPhototype(5);
        var outcomes = await Task.WhenAll(contexts.Select(async c =>
        {
            try
            {
                await c.SaveChangesAsync(TestDatabase.Cancel);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
            finally
            {
                await c.DisposeAsync();
            }
        }));

        outcomes.Count(saved => saved).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Fresh_update_after_a_reload_succeeds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        var patient = await database.PatientAsync(clinic.Id);
        await using var context = database.Context(ClinicScope.Of(clinic.Id));
        var loaded = await context.Patients.SingleAsync(p => p.Id == patient.Id, TestDatabase.Cancel);
        var before = loaded.Version;

        loaded.Rename("Byron", "Ada");
        await context.SaveChangesAsync(TestDatabase.Cancel);
        loaded.RecordCondition(Condition.HerpesLabialis, ConditionStatus.History);
        await context.SaveChangesAsync(TestDatabase.Cancel);

        loaded.Version.ShouldNotBe(before);
    }
}
