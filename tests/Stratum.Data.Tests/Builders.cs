using Stratum.Core.Vocabulary;
using Stratum.Data.Clinics;
using Stratum.Data.Consents;
using Stratum.Data.Patients;
using Stratum.Data.Sessions;

namespace Stratum.Data.Tests;

/// <summary>Small valid aggregates, saved through an admin context.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static async Task<Clinic> ClinicAsync(this TestDatabase database, string name = "Clinic")
    {
        await using var context = database.Context(ClinicScope.Admin);
        var clinic = Clinic.Create(name);
        context.Clinics.Add(clinic);
        await context.SaveChangesAsync(TestDatabase.Cancel);
        return clinic;
    }

    public static async Task<Patient> PatientAsync(this TestDatabase database, Guid clinicId, string familyName = "Lovelace")
    {
        await using var context = database.Context(ClinicScope.Of(clinicId));
        var patient = Patient.Create(clinicId, familyName, "Ada", new DateOnly(1990, 12, 10), phototype: 3);
        context.Patients.Add(patient);
        await context.SaveChangesAsync(TestDatabase.Cancel);
        return patient;
    }

    public static async Task<Consent> ConsentAsync(this TestDatabase database, Guid clinicId, Guid patientId)
    {
        await using var context = database.Context(ClinicScope.Of(clinicId));
        var consent = Consent.Sign(clinicId, patientId, "consent-v1", Noon, "Ada Lovelace", "user-1", photoConsent: true, SignatureKind.Typed);
        context.Consents.Add(consent);
        await context.SaveChangesAsync(TestDatabase.Cancel);
        return consent;
    }

    public static Session Session(Guid clinicId, Guid patientId, Guid consentId, string lotNumber) => Sessions.Session.Record(
        clinicId, patientId, null, Today, "user-1", new DeviceUsed("Acme", "Pen 2", "12-needle cartridge"), lotNumber, Today.AddYears(1), consentId,
        [new TreatedZone(Zone.Cheeks, 1.5m, 3), new TreatedZone(Zone.Forehead, 0.5m, 2)]);
}
