using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Plans;

/// <summary>A course of treatment: indication and setting, the planner's output as JSON, and how many sessions.</summary>
public sealed class TreatmentPlan : Versioned, IClinicOwned
{
    private TreatmentPlan(Guid id, Guid clinicId, Guid patientId, Indication indication, Setting setting, string planJson,
        int sessionsPlanned, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        Indication = indication;
        Setting = setting;
        PlanJson = planJson;
        SessionsPlanned = sessionsPlanned;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public Indication Indication { get; private set; }

    public Setting Setting { get; private set; }

    /// <summary>The <c>stratum plan</c> output (DESIGN §3) the plan was made from.</summary>
    public string PlanJson { get; private set; }

    public int SessionsPlanned { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public static TreatmentPlan Create(Guid clinicId, Guid patientId, Indication indication, Setting setting, string planJson,
        int sessionsPlanned, string createdBy, DateTimeOffset createdAt) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Id(patientId, nameof(patientId)),
        indication,
        setting,
        Guard.Text(planJson, int.MaxValue, nameof(planJson)),
        Guard.InRange(sessionsPlanned, 1, 20, nameof(sessionsPlanned)),
        Guard.Text(createdBy, Limits.UserIdLength, nameof(createdBy)),
        createdAt);

    public void ChangeSessionsPlanned(int sessionsPlanned) => SessionsPlanned = Guard.InRange(sessionsPlanned, 1, 20, nameof(sessionsPlanned));

    /// <summary>Ends the course; closing a closed plan keeps the first date.</summary>
    public void Close(DateTimeOffset at) => ClosedAt ??= at;
}
