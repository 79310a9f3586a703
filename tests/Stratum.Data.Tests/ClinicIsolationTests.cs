using Microsoft.EntityFrameworkCore;
using Stratum.Data.Patients;

namespace Stratum.Data.Tests;

public sealed class ClinicIsolationTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Staff_of_one_clinic_never_see_another_clinics_patients(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");
        var ofA = await database.PatientAsync(a.Id, "Alpha");
        var ofB = await database.PatientAsync(b.Id, "Beta");

        await using var context = database.Context(ClinicScope.Of(a.Id));

        (await context.Patients.Select(p => p.FamilyName).ToListAsync(TestDatabase.Cancel)).ShouldBe(["Alpha"]);
        (await context.Patients.FindAsync([ofB.Id], TestDatabase.Cancel)).ShouldBeNull();
        (await context.Patients.FindAsync([ofA.Id], TestDatabase.Cancel)).ShouldNotBeNull();
        (await context.Clinics.Select(c => c.Name).ToListAsync(TestDatabase.Cancel)).ShouldBe(["A"]);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Admin_sees_every_clinics_patients_only_where_the_query_says_it_spans_clinics(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");
        await database.PatientAsync(a.Id, "Alpha");
        await database.PatientAsync(b.Id, "Beta");

        await using var context = database.Context(ClinicScope.Admin);

        (await context.Patients.CountAsync(TestDatabase.Cancel)).ShouldBe(0, "the filtered sets show one clinic, and the admin has none");
        (await context.Scoped<Patient>().OrderBy(p => p.FamilyName).Select(p => p.FamilyName).ToListAsync(TestDatabase.Cancel)).ShouldBe(["Alpha", "Beta"]);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_user_without_a_clinic_sees_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        await database.PatientAsync(a.Id);

        await using var context = database.Context(ClinicScope.Nobody);

        (await context.Patients.CountAsync(TestDatabase.Cancel)).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Writing_a_patient_into_another_clinic_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");

        await using var context = database.Context(ClinicScope.Of(a.Id));
        context.Patients.Add(Patient.Create(b.Id, "Intruder", "Eve", new DateOnly(1980, 1, 1)));

        await Should.ThrowAsync<ClinicScopeViolationException>(() => context.SaveChangesAsync(TestDatabase.Cancel));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Only_an_admin_creates_clinics(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        await using var context = database.Context(ClinicScope.Of(a.Id));

        context.Clinics.Add(Clinics.Clinic.Create("B"));

        await Should.ThrowAsync<ClinicScopeViolationException>(() => context.SaveChangesAsync(TestDatabase.Cancel));
    }
}
