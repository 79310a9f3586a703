using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.AdverseEvents;

/// <summary>An adverse event after a session: the symptoms, the triage urgency, the follow-up and how it ended.</summary>
public sealed class AdverseEvent : Versioned, IClinicOwned
{
    private readonly List<ReportedSymptom> _symptoms = [];

    private AdverseEvent(Guid id, Guid clinicId, Guid patientId, Guid? sessionId, DateOnly occurredOn, DateTimeOffset reportedAt,
        string reportedBy, Urgency triageUrgency)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        SessionId = sessionId;
        OccurredOn = occurredOn;
        ReportedAt = reportedAt;
        ReportedBy = reportedBy;
        TriageUrgency = triageUrgency;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid? SessionId { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public string ReportedBy { get; private set; }

    /// <summary>The <c>stratum triage</c> urgency when the event was recorded.</summary>
    public Urgency TriageUrgency { get; private set; }

    public string? FollowUp { get; private set; }

    /// <summary>How the event ended; null while it is open.</summary>
    public string? Outcome { get; private set; }

    public DateOnly? ResolvedOn { get; private set; }

    public IReadOnlyList<ReportedSymptom> Symptoms => _symptoms.AsReadOnly();

    public static AdverseEvent Report(Guid clinicId, Guid patientId, Guid? sessionId, DateOnly occurredOn, DateTimeOffset reportedAt,
        string reportedBy, Urgency triageUrgency, IEnumerable<ReportedSymptom> symptoms)
    {
        var adverseEvent = new AdverseEvent(
            Guid.NewGuid(),
            Guard.Id(clinicId, nameof(clinicId)),
            Guard.Id(patientId, nameof(patientId)),
            sessionId,
            occurredOn,
            reportedAt,
            Guard.Text(reportedBy, Limits.UserIdLength, nameof(reportedBy)),
            triageUrgency);
        foreach (var symptom in symptoms)
        {
            if (adverseEvent._symptoms.Any(s => s.Symptom == symptom.Symptom))
            {
                throw new ArgumentException($"symptom '{Codes.Of(symptom.Symptom)}' is listed more than once", nameof(symptoms));
            }

            adverseEvent._symptoms.Add(symptom);
        }

        return adverseEvent._symptoms.Count > 0 ? adverseEvent : throw new ArgumentException("an adverse event has at least one symptom", nameof(symptoms));
    }

    public void PlanFollowUp(string followUp) => FollowUp = Guard.Text(followUp, Limits.NoteLength, nameof(followUp));

    /// <summary>Closes the event; the outcome of a closed event can be corrected, its date stays.</summary>
    public void Resolve(string outcome, DateOnly resolvedOn)
    {
        if (resolvedOn < OccurredOn)
        {
            throw new ArgumentException("an event cannot resolve before it occurred", nameof(resolvedOn));
        }

        Outcome = Guard.Text(outcome, Limits.NoteLength, nameof(outcome));
        ResolvedOn ??= resolvedOn;
    }
}

public sealed record ReportedSymptom(Symptom Symptom, Trend? Trend, Severity? Severity);
