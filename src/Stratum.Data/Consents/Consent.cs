using Stratum.Data.Infrastructure;

namespace Stratum.Data.Consents;

public enum SignatureKind { Typed, Drawn }

/// <summary>
/// A signed consent: which version of the clinic's consent form, when, by whom, whether photographs were agreed to,
/// and how it was signed. Never edited once signed: a change of mind is a new consent.
/// </summary>
public sealed class Consent : IClinicOwned
{
    private Consent(Guid id, Guid clinicId, Guid patientId, string formVersion, DateTimeOffset signedAt, string signedBy, string witnessedBy, bool photoConsent, SignatureKind signature)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        FormVersion = formVersion;
        SignedAt = signedAt;
        SignedBy = signedBy;
        WitnessedBy = witnessedBy;
        PhotoConsent = photoConsent;
        Signature = signature;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The <see cref="ConsentForm.Version"/> the patient read and signed.</summary>
    public string FormVersion { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>The name of the person who signed: the patient or their legal representative.</summary>
    public string SignedBy { get; private set; }

    /// <summary>The <see cref="Identity.StaffUser"/> id of the staff member who took the consent.</summary>
    public string WitnessedBy { get; private set; }

    /// <summary>Whether the patient agreed to the form's paragraph on photographs.</summary>
    public bool PhotoConsent { get; private set; }

    /// <summary>A typed name, or a signature drawn on the screen (kept in the PDF).</summary>
    public SignatureKind Signature { get; private set; }

    public static Consent Sign(Guid clinicId, Guid patientId, string formVersion, DateTimeOffset signedAt, string signedBy, string witnessedBy, bool photoConsent, SignatureKind signature) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Id(patientId, nameof(patientId)),
        Guard.Text(formVersion, Limits.ShortText, nameof(formVersion)),
        signedAt,
        Guard.Text(signedBy, Limits.ShortText, nameof(signedBy)),
        Guard.Text(witnessedBy, Limits.UserIdLength, nameof(witnessedBy)),
        photoConsent,
        signature);
}
