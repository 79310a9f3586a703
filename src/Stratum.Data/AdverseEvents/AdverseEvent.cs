using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.AdverseEvents;

/// <summary>An adverse event after a session: the symptoms, the triage urgency, the dated follow-up notes and how it ended.</summary>
public sealed class AdverseEvent : Versioned, IClinicOwned
{
    /// <summary>Enough for a daily note over months; a longer story belongs in the clinical record.</summary>
    public const int MaxNotes = 200;

    private readonly List<ReportedSymptom> _symptoms = [];
    private readonly List<FollowUpNote> _notes = [];

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

    /// <summary>How the event ended; null while it is open.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Set when the event is resolved; an event without it is open.</summary>
    public DateOnly? ResolvedOn { get; private set; }

    public bool IsOpen => ResolvedOn is null;

    public IReadOnlyList<ReportedSymptom> Symptoms => _symptoms.AsReadOnly();

    /// <summary>The follow-up, oldest first; notes are only ever added.</summary>
    public IReadOnlyList<FollowUpNote> Notes => _notes.AsReadOnly();

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

    /// <summary>Adds a dated follow-up note (a call, a review, advice given).</summary>
    public FollowUpNote Note(DateOnly writtenOn, DateTimeOffset writtenAt, string writtenBy, string text)
    {
        if (writtenOn < OccurredOn)
        {
            throw new ArgumentException("a follow-up note cannot be dated before the event", nameof(writtenOn));
        }

        if (_notes.Count >= MaxNotes)
        {
            throw new InvalidOperationException($"an adverse event keeps at most {MaxNotes} notes");
        }

        var note = new FollowUpNote(_notes.Count + 1, writtenOn, writtenAt,
            Guard.Text(writtenBy, Limits.UserIdLength, nameof(writtenBy)), Guard.Text(text, Limits.NoteLength, nameof(text)));
        _notes.Add(note);
        return note;
    }

    /// <summary>Closes the event with how it ended; resolving a resolved event corrects its outcome and date.</summary>
    public void Resolve(string outcome, DateOnly resolvedOn)
    {
        if (resolvedOn < OccurredOn)
        {
            throw new ArgumentException("an event cannot resolve before it occurred", nameof(resolvedOn));
        }

        Outcome = Guard.Text(outcome, Limits.NoteLength, nameof(outcome));
        ResolvedOn = resolvedOn;
    }

    /// <summary>Opens a resolved event again (the symptoms came back); what it was resolved as stays in a note.</summary>
    public void Reopen(DateOnly reopenedOn, DateTimeOffset at, string by)
    {
        if (ResolvedOn is not { } resolved)
        {
            return;
        }

        Note(reopenedOn, at, by, $"Reopened; it had been resolved on {resolved:yyyy-MM-dd}: {Outcome}");
        Outcome = null;
        ResolvedOn = null;
    }
}

/// <param name="Number">1 for the first note of the event, in the order they were written.</param>
/// <param name="WrittenOn">The day the note is about, in the clinic's calendar.</param>
public sealed record FollowUpNote(int Number, DateOnly WrittenOn, DateTimeOffset WrittenAt, string WrittenBy, string Text);

public sealed record ReportedSymptom(Symptom Symptom, Trend? Trend, Severity? Severity);
