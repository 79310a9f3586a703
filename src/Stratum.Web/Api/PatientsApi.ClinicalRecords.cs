using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;
using Stratum.Core.Outcomes;
using Stratum.Core.Planning;
using Stratum.Core.Screening;
using Stratum.Core.Triage;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.AdverseEvents;
using Stratum.Data.Audit;
using Stratum.Data.Infrastructure;
using Stratum.Data.Outcomes;
using Stratum.Data.Plans;
using Stratum.Data.Screenings;
using Stratum.Web.Hosting;
using StoredSymptom = Stratum.Data.AdverseEvents.ReportedSymptom;

namespace Stratum.Web.Api;

/// <summary>What is written onto a patient's record: screenings, adverse events and their follow-up, plans, outcomes.</summary>
public static partial class PatientsApi
{
    public static async Task<Results<Created<ScreeningRecorded>, ValidationProblem, ProblemHttpResult>> ScreenAsync(
        Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: true, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var now = time.GetLocalNow();
        var input = Requests.Read(body, text => Intake.Parse(text, DateOnly.FromDateTime(now.DateTime), knowledge));
        if (!input.TryGetValue(out var intake))
        {
            return Requests.Invalid(input.Errors);
        }

        var result = new Screener(knowledge).Screen(intake);
        patient.RecordScreening(intake);
        var screening = Screening.Record(patient.ClinicId, id,
            JsonSerializer.Serialize(intake, StratumJson.Default.Intake), JsonSerializer.Serialize(result, StratumJson.Default.ScreeningResult),
            result.Verdict, result.NotBefore, result.KnowledgeVersion, Requests.UserId(http), time.GetUtcNow());
        db.Screenings.Add(screening);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "screening", screening.Id, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}", new ScreeningRecorded(screening.Id, result));
    }

    public static async Task<Results<Created<AdverseEventRecorded>, ValidationProblem, ProblemHttpResult>> ReportAdverseEventAsync(
        Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var today = time.Today();
        var input = Requests.ReadObject(body, o =>
        {
            var occurred = o.Date("occurredOn") ?? today;
            var session = o.Id("sessionId", "a session id");
            var triage = TriageRequest.Read(o);
            return triage is null || o.HasErrors ? null : new { Occurred = occurred, Session = session, Triage = triage };
        });
        if (!input.TryGetValue(out var report))
        {
            return Requests.Invalid(input.Errors);
        }

        if (!await IsSessionOfAsync(db, id, report.Session, ct))
        {
            return Requests.Invalid([new InputError("$.sessionId", "no such session of this patient")]);
        }

        var triage = new Triager(knowledge).Triage(report.Triage);
        var adverse = AdverseEvent.Report(patient.ClinicId, id, report.Session, report.Occurred, time.GetUtcNow(), Requests.UserId(http), triage.Urgency,
            report.Triage.Symptoms.Select(s => new StoredSymptom(s.Code, s.Trend, s.Severity)));
        db.AdverseEvents.Add(adverse);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "adverse-event", adverse.Id, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}", new AdverseEventRecorded(adverse.Id, triage));
    }

    public static async Task<Results<Ok<AdverseEventView>, ValidationProblem, ProblemHttpResult>> FollowUpAdverseEventAsync(
        Guid id, Guid eventId, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var adverse = await db.AdverseEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.PatientId == id, ct);
        if (adverse is null)
        {
            return Requests.NotFound("adverse event");
        }

        var today = time.Today();
        var input = Requests.ReadObject(body, o =>
        {
            var version = o.Id("version", "the version you read (a GUID)", required: true);
            var note = o.Text("note", Limits.NoteLength);
            var status = o.Code<AdverseEventStatus>("status");
            var outcome = o.Text("outcome", Limits.NoteLength);
            var resolvedOn = o.Date("resolvedOn");
            if (outcome is not null || resolvedOn is not null)
            {
                status ??= AdverseEventStatus.Resolved;
            }

            if (status == AdverseEventStatus.Open && (outcome is not null || resolvedOn is not null))
            {
                o.Error(outcome is not null ? "outcome" : "resolvedOn", "an open event has no outcome yet; leave it out, or set status to resolved");
            }
            else if (status == AdverseEventStatus.Resolved && outcome is null && adverse.Outcome is null)
            {
                o.Error("outcome", "say how the event ended to resolve it");
            }
            else if (resolvedOn is { } on && (on < adverse.OccurredOn || on > today))
            {
                o.Error("resolvedOn", on > today ? $"is in the future (today is {today:yyyy-MM-dd})" : $"is before the event ({adverse.OccurredOn:yyyy-MM-dd})");
            }

            if (note is not null && adverse.Notes.Count >= AdverseEvent.MaxNotes)
            {
                o.Error("note", $"this event already has {AdverseEvent.MaxNotes} notes, the most one event keeps");
            }

            if (!o.HasErrors && note is null && status is null)
            {
                o.Error("note", "give a follow-up note, a status, or an outcome");
            }

            return version is null || o.HasErrors ? null : new { Version = version.Value, Note = note, Status = status, Outcome = outcome, ResolvedOn = resolvedOn };
        });
        if (!input.TryGetValue(out var change))
        {
            return Requests.Invalid(input.Errors);
        }

        db.Entry(adverse).Property(e => e.Version).OriginalValue = change.Version;
        var by = Requests.UserId(http);
        var now = time.GetUtcNow();
        switch (change.Status)
        {
            case AdverseEventStatus.Resolved:
                adverse.Resolve(change.Outcome ?? adverse.Outcome!, change.ResolvedOn ?? adverse.ResolvedOn ?? today);
                break;
            case AdverseEventStatus.Open:
                adverse.Reopen(today, now, by);
                break;
        }

        if (change.Note is { } text)
        {
            adverse.Note(Max(today, adverse.OccurredOn), now, by, text);
        }

        audit.Audit(http, patient.ClinicId, AuditAction.Update, "adverse-event", eventId, id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await AuditConflictAsync(http, db, audit, patient.ClinicId, "adverse-event", eventId, ct, patientId: id);
            return Requests.Stale("adverse event");
        }

        return TypedResults.Ok(View(adverse));
    }

    public static async Task<Results<Created<PlanRecorded>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var input = Requests.Read(body, text => Planner.ParseRequest(text, time.Today(), knowledge));
        if (!input.TryGetValue(out var intake))
        {
            return Requests.Invalid(input.Errors);
        }

        var plan = new Planner(knowledge).Plan(intake);
        var stored = TreatmentPlan.Create(patient.ClinicId, id, intake.Indication!.Value, intake.Setting, JsonSerializer.Serialize(plan, StratumJson.Default.Plan),
            Math.Clamp(plan.Sessions.Min, 1, 20), Requests.UserId(http), time.GetUtcNow());
        db.TreatmentPlans.Add(stored);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "treatment-plan", stored.Id, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}", new PlanRecorded(stored.Id, plan));
    }

    public static async Task<Results<Created<OutcomeRecorded>, ValidationProblem, ProblemHttpResult>> AssessOutcomeAsync(
        Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var scorer = new Scorer(knowledge);
        var input = Requests.ReadObject(body, o =>
        {
            var session = o.Id("sessionId", "a session id");
            var photos = o.Ids("photoIds", "a photo id", maxItems: 50);
            var assessments = scorer.Read(o);
            return assessments is null || o.HasErrors ? null : new { Assessments = assessments, Session = session, Photos = photos.Distinct().ToList() };
        });
        if (!input.TryGetValue(out var report))
        {
            return Requests.Invalid(input.Errors);
        }

        if (report.Assessments.Count != 1)
        {
            return Requests.Invalid([new InputError("$", "record one assessment at a time ({ qualitativeGrade } and/or { lesions })")]);
        }

        if (!await IsSessionOfAsync(db, id, report.Session, ct))
        {
            return Requests.Invalid([new InputError("$.sessionId", "no such session of this patient")]);
        }

        var photosOfPatient = await db.Photos.Where(p => p.PatientId == id && report.Photos.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (report.Photos.Except(photosOfPatient).ToList() is [var unknown, ..])
        {
            return Requests.Invalid([new InputError("$.photoIds", $"no such photo of this patient: {unknown}")]);
        }

        var today = time.Today();
        var assessed = report.Assessments[0].Date ?? today;
        if (assessed > today)
        {
            return Requests.Invalid([new InputError("$.assessments[0].date", $"is in the future (today is {today:yyyy-MM-dd})")]);
        }

        var score = scorer.Score(report.Assessments);
        var stored = OutcomeAssessment.Assess(patient.ClinicId, id, report.Session, assessed, Requests.UserId(http), score.QualitativeGrade, score.QuantitativeScore);
        foreach (var photo in report.Photos)
        {
            stored.AttachPhoto(photo);
        }

        db.OutcomeAssessments.Add(stored);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "outcome-assessment", stored.Id, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}", new OutcomeRecorded(stored.Id, score));
    }

    internal static AdverseEventView View(AdverseEvent e) =>
        new(e.Id, e.OccurredOn, e.SessionId, e.TriageUrgency, [.. e.Symptoms.Select(s => s.Symptom)], e.IsOpen ? AdverseEventStatus.Open : AdverseEventStatus.Resolved,
            [.. e.Notes.OrderBy(n => n.Number).Select(n => new FollowUpNoteView(n.WrittenOn, n.WrittenAt, n.WrittenBy, n.Text))], e.Outcome, e.ResolvedOn, e.Version);

    // An event reported ahead of its date (noticed tomorrow's appointment) still gets its notes dated on or after it.
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    internal static async Task<bool> IsSessionOfAsync(StratumDbContext db, Guid patient, Guid? session, CancellationToken ct) =>
        session is not { } id || await db.Sessions.AnyAsync(s => s.Id == id && s.PatientId == patient, ct);
}
