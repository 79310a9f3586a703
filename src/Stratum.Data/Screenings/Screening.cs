using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Screenings;

/// <summary>
/// A stored screening: the intake and the result as the CLI/API JSON (DESIGN §3), the verdict for queries,
/// the knowledge version that produced it, who screened and when. A record of what was decided: never edited.
/// </summary>
public sealed class Screening : IClinicOwned
{
    public const int KnowledgeVersionLength = 100;

    private Screening(Guid id, Guid clinicId, Guid patientId, string intakeJson, string resultJson, Verdict verdict,
        DateOnly? notBefore, string knowledgeVersion, string screenedBy, DateTimeOffset screenedAt)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        IntakeJson = intakeJson;
        ResultJson = resultJson;
        Verdict = verdict;
        NotBefore = notBefore;
        KnowledgeVersion = knowledgeVersion;
        ScreenedBy = screenedBy;
        ScreenedAt = screenedAt;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public string IntakeJson { get; private set; }

    public string ResultJson { get; private set; }

    public Verdict Verdict { get; private set; }

    public DateOnly? NotBefore { get; private set; }

    public string KnowledgeVersion { get; private set; }

    /// <summary>The <see cref="Identity.StaffUser"/> id of the clinician.</summary>
    public string ScreenedBy { get; private set; }

    public DateTimeOffset ScreenedAt { get; private set; }

    public static Screening Record(Guid clinicId, Guid patientId, string intakeJson, string resultJson, Verdict verdict,
        DateOnly? notBefore, string knowledgeVersion, string screenedBy, DateTimeOffset screenedAt) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Id(patientId, nameof(patientId)),
        Guard.Text(intakeJson, int.MaxValue, nameof(intakeJson)),
        Guard.Text(resultJson, int.MaxValue, nameof(resultJson)),
        verdict,
        notBefore,
        Guard.Text(knowledgeVersion, KnowledgeVersionLength, nameof(knowledgeVersion)),
        Guard.Text(screenedBy, Limits.UserIdLength, nameof(screenedBy)),
        screenedAt);
}
