using Stratum.Data.Infrastructure;

namespace Stratum.Data.Consents;

/// <summary>A signed consent: which version of the consent text, when, and by whom. Never edited once signed.</summary>
public sealed class Consent : IClinicOwned
{
    private Consent(Guid id, Guid clinicId, Guid patientId, string textVersion, DateTimeOffset signedAt, string signedBy, string witnessedBy)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        TextVersion = textVersion;
        SignedAt = signedAt;
        SignedBy = signedBy;
        WitnessedBy = witnessedBy;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public string TextVersion { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>The name of the person who signed: the patient or their legal representative.</summary>
    public string SignedBy { get; private set; }

    /// <summary>The <see cref="Identity.StaffUser"/> id of the staff member who took the consent.</summary>
    public string WitnessedBy { get; private set; }

    public static Consent Sign(Guid clinicId, Guid patientId, string textVersion, DateTimeOffset signedAt, string signedBy, string witnessedBy) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Id(patientId, nameof(patientId)),
        Guard.Text(textVersion, Limits.ShortText, nameof(textVersion)),
        signedAt,
        Guard.Text(signedBy, Limits.ShortText, nameof(signedBy)),
        Guard.Text(witnessedBy, Limits.UserIdLength, nameof(witnessedBy)));
}
