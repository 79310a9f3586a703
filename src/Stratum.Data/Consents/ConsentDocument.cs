using System.Security.Cryptography;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Consents;

/// <summary>
/// The signed consent rendered as a PDF when it was signed, with the PDF's SHA-256 (also written to the audit trail),
/// so a document that was changed afterwards is detected and never served. Kept apart from <see cref="Consent"/> so
/// reading a record does not load the files.
/// </summary>
public sealed class ConsentDocument : IClinicOwned
{
    private ConsentDocument(Guid consentId, Guid clinicId, Guid patientId, byte[] pdf, string sha256)
    {
        ConsentId = consentId;
        ClinicId = clinicId;
        PatientId = patientId;
        Pdf = pdf;
        Sha256 = sha256;
    }

    public Guid ConsentId { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public byte[] Pdf { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/> as it was stored.</summary>
    public string Sha256 { get; private set; }

    public bool IsIntact => Hash(Pdf) == Sha256;

    public static ConsentDocument Of(Consent consent, byte[] pdf) =>
        new(consent.Id, consent.ClinicId, consent.PatientId, pdf.Length > 0 ? pdf : throw new ArgumentException("must not be empty", nameof(pdf)), Hash(pdf));

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
