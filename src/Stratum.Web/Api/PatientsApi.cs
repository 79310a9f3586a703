using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;
using Stratum.Core.Outcomes;
using Stratum.Core.Planning;
using Stratum.Core.Records;
using Stratum.Core.Screening;
using Stratum.Core.Triage;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.AdverseEvents;
using Stratum.Data.Audit;
using Stratum.Data.Consents;
using Stratum.Data.Outcomes;
using Stratum.Data.Patients;
using Stratum.Data.Plans;
using Stratum.Data.Screenings;
using Stratum.Data.Sessions;
using Stratum.Web.Hosting;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>
/// The patients of the caller's clinic (DESIGN §5). Another clinic's id answers 404, never 403: the query filters hide
/// it, and the id is looked up inside the scope. Every read and write appends to the clinic's audit trail.
/// </summary>
public static partial class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.ClinicStaff);
        api.MapGet("/", ListAsync).WithName("ListPatients").WithSummary("Patients of your clinic in name order, paged: ?q= (words of the name, a birth date yyyy-MM-dd, a phone number or its last digits, or an email address), ?pageSize= (1–200, default 50), ?page= or ?after= (the next of the page before).");
        api.MapPost("/", CreateAsync).WithName("CreatePatient").RequireAuthorization(Policies.ClinicMember)
            .WithSummary("Register a patient with conditions, medications and allergies.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetPatient").WithSummary("A patient's record: history, screenings, sessions, consents, adverse events.");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdatePatient").RequireAuthorization(Policies.ClinicMember)
            .WithSummary("Change name, birth date, phototype or contact details (phone, email, contactPreference email|none; null removes one); { version } must be the version you read, or the answer is 409.");
        api.MapPost("/{id:guid}/screenings", ScreenAsync).WithName("ScreenPatient").RequireAuthorization(Policies.Clinician)
            .WithSummary("Screen the patient (the screening intake) and store the result with the knowledge version.");
        api.MapPost("/{id:guid}/sessions", RecordSessionAsync).WithName("RecordSession").RequireAuthorization(Policies.Clinician)
            .WithSummary("Record a session; refused (409, rule code, earliest date) unless screening, interval, depth, lot and consent allow it or an override reason is given.");
        api.MapPost("/{id:guid}/adverse-events", ReportAdverseEventAsync).WithName("ReportAdverseEvent").RequireAuthorization(Policies.ClinicMember)
            .WithSummary("Record an adverse event with its triage.");
        api.MapPut("/{id:guid}/adverse-events/{eventId:guid}", FollowUpAdverseEventAsync).WithName("FollowUpAdverseEvent").RequireAuthorization(Policies.ClinicMember)
            .WithSummary("Follow up an adverse event: { version, note?, status? (open|resolved), outcome?, resolvedOn? }. A note is added dated today; an outcome resolves the event (resolvedOn defaults to today); status open reopens it. A stale version answers 409.");
        api.MapPost("/{id:guid}/plans", PlanAsync).WithName("PlanTreatment").RequireAuthorization(Policies.Clinician)
            .WithSummary("Plan depth, passes, interval and sessions per zone (the plan input) and store the plan.");
        api.MapPost("/{id:guid}/outcomes", AssessOutcomeAsync).WithName("AssessOutcome").RequireAuthorization(Policies.Clinician)
            .WithSummary("Record a Goodman & Baron assessment: { qualitativeGrade } and/or { lesions }, optional date and label; { sessionId } and { photoIds } (this patient's photos) link it to what it assessed.");
        return app;
    }

    /// <param name="Phone">E.164, e.g. +447700900123.</param>
    public sealed record PatientSummary(Guid Id, string FamilyName, string GivenName, DateOnly BirthDate, int? Phototype, string? Phone, string? Email, ContactPreference ContactPreference)
    {
        public static PatientSummary Of(Patient p) => new(p.Id, p.FamilyName, p.GivenName, p.BirthDate, p.Phototype, p.Phone, p.Email, p.ContactPreference);
    }

    /// <param name="Intake">What the screening asked and was told (conditions, medications, allergies, procedures): the history it read.</param>
    public sealed record ScreeningView(Guid Id, DateTimeOffset ScreenedAt, Verdict Verdict, DateOnly? NotBefore, string KnowledgeVersion, JsonElement Result, Intake? Intake);

    public sealed record ZoneView(Zone Zone, decimal DepthMm, int Passes);

    public sealed record SessionView(Guid Id, DateOnly Date, string OperatorId, string Device, string NeedleConfiguration, string LotNumber, DateOnly LotExpiry, Guid ConsentId, IReadOnlyList<ZoneView> Zones, string? Notes, string? OverrideReason);

    /// <param name="Current">Whether it is a consent to the clinic's current form, the one a session needs.</param>
    /// <param name="Pdf">Whether the signed document is kept (consents recorded before signing was built have none).</param>
    public sealed record ConsentView(Guid Id, string FormVersion, DateTimeOffset SignedAt, string SignedBy, bool PhotoConsent, SignatureKind Signature, bool Current, bool Pdf);

    public sealed record AdverseEventView(Guid Id, DateOnly OccurredOn, Guid? SessionId, Urgency TriageUrgency, IReadOnlyList<Symptom> Symptoms,
        AdverseEventStatus Status, IReadOnlyList<FollowUpNoteView> Notes, string? Outcome, DateOnly? ResolvedOn, Guid Version);

    /// <param name="By">The user id of who wrote it.</param>
    public sealed record FollowUpNoteView(DateOnly On, DateTimeOffset At, string By, string Text);

    public sealed record PlanView(Guid Id, Indication Indication, Setting Setting, int SessionsPlanned, DateTimeOffset CreatedAt, JsonElement Plan);

    public sealed record OutcomeView(Guid Id, DateOnly AssessedOn, Guid? SessionId, int? QualitativeGrade, int? QuantitativeScore, IReadOnlyList<Guid> PhotoIds);

    public sealed record PlanRecorded(Guid Id, Plan Plan);

    public sealed record OutcomeRecorded(Guid Id, ScoreResult Score);

    public sealed record PatientDetail(
        Guid Id,
        Guid ClinicId,
        string FamilyName,
        string GivenName,
        DateOnly BirthDate,
        int? Phototype,
        string? Phone,
        string? Email,
        ContactPreference ContactPreference,
        Guid Version,
        IReadOnlyList<PatientCondition> Conditions,
        IReadOnlyList<PatientMedication> Medications,
        IReadOnlyList<PatientAllergy> Allergies,
        IReadOnlyList<ScreeningView> Screenings,
        IReadOnlyList<SessionView> Sessions,
        IReadOnlyList<ConsentView> Consents,
        IReadOnlyList<AdverseEventView> AdverseEvents,
        IReadOnlyList<PlanView> Plans,
        IReadOnlyList<OutcomeView> Outcomes);

    public sealed record ScreeningRecorded(Guid Id, ScreeningResult Result);

    public sealed record SessionRecorded(Guid Id, DateOnly Date, string? OverrideReason, IReadOnlyList<SessionRefusal> Overridden);

    public sealed record AdverseEventRecorded(Guid Id, TriageResult Triage);

    /// <summary>A page of the patient list: <c>items</c>, <c>page</c>, <c>pageSize</c>, <c>total</c>, and <c>next</c> to pass as <c>after</c>.</summary>
    public sealed record PatientList(IReadOnlyList<PatientSummary> Items, int Page, int PageSize, int Total, string? Next);

    public const int DefaultPageSize = 50;

    public static async Task<Results<Ok<PatientList>, ValidationProblem>> ListAsync(
        string? q, string? page, string? pageSize, string? after, HttpContext http, StratumDbContext db, AuditTrail audit, ContactSettings contacts, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var number = Paging.Number("page", page, 1, int.MaxValue / PatientDirectory.MaxPageSize, 1, errors);
        var size = Paging.Number("pageSize", pageSize, 1, PatientDirectory.MaxPageSize, DefaultPageSize, errors);
        if (after is not null && !PatientDirectory.IsCursor(after))
        {
            errors.Add(new InputError("after", "is not a page cursor: pass the next value of an earlier page"));
        }

        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var found = await PatientDirectory.FindAsync(db.Scoped<Patient>().AsNoTracking(), q, contacts.DefaultRegion, number, size, after, ct);
        foreach (var clinic in found.Items.Select(p => p.ClinicId).Distinct())
        {
            await audit.AuditNowAsync(http, clinic, AuditAction.Read, "patient-list", q, null, AuditOutcome.Success, ct);
        }

        return TypedResults.Ok(new PatientList(
            [.. found.Items.Select(p => new PatientSummary(p.Id, p.FamilyName, p.GivenName, p.BirthDate, p.Phototype, p.Phone, p.Email, p.ContactPreference))], found.Page, found.PageSize, found.Total, found.Next));
    }

    /// <summary>A birth date in the future, or more than this many years back, is a typing error.</summary>
    public const int MaxAgeYears = 130;

    /// <summary>Why a birth date cannot be right on <paramref name="today"/>; null when it can.</summary>
    public static string? BirthDateProblem(DateOnly birth, DateOnly today) =>
        birth > today ? $"{birth:yyyy-MM-dd} is in the future"
        : birth < today.AddYears(-MaxAgeYears) ? $"{birth:yyyy-MM-dd} is more than {MaxAgeYears} years ago"
        : null;

    public static async Task<Results<Created<PatientSummary>, ValidationProblem>> CreateAsync(
        JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, ContactSettings contacts, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var input = Requests.ReadObject(body, o =>
        {
            var family = Name(o, "familyName");
            var given = Name(o, "givenName");
            var birth = o.Date("birthDate", required: true);
            if (birth is { } b && BirthDateProblem(b, time.Today()) is { } problem)
            {
                o.Error("birthDate", problem);
            }

            var phototype = o.Integer("phototype", 1, 6);
            var conditions = o.Objects("conditions", c => Intake.ReadCondition(c, knowledge.Screening.Terms) is var (code, status)
                ? new PatientCondition(code, status, c.Date("since"), c.Date("until"))
                : null);
            var medications = o.Objects("medications", m => m.Code<Medication>("code", required: true) is { } code
                ? new PatientMedication(code, m.Date("started"), m.Date("lastDose"))
                : null);
            var allergies = o.CodeList<Allergy>("allergies");
            var contact = ReadContact(o, null, contacts.DefaultRegion);
            if (family is null || given is null || birth is null || contact is null || o.HasErrors)
            {
                return null;
            }

            var patient = Patient.Create(clinic, family, given, birth.Value, phototype);
            patient.SetContact(contact.Phone, contact.Email, contact.Preference);
            foreach (var c in conditions)
            {
                patient.RecordCondition(c.Code, c.Status, c.Since, c.Until);
            }

            foreach (var m in medications)
            {
                patient.RecordMedication(m.Code, m.Started, m.LastDose);
            }

            foreach (var a in allergies)
            {
                patient.RecordAllergy(a);
            }

            return patient;
        });
        if (!input.TryGetValue(out var created))
        {
            return Requests.Invalid(input.Errors);
        }

        db.Patients.Add(created);
        audit.Audit(http, clinic, AuditAction.Create, "patient", created.Id, created.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{created.Id}", PatientSummary.Of(created));
    }

    public static async Task<Results<Ok<PatientDetail>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var screenings = await db.Scoped<Screening>().AsNoTracking().Where(s => s.PatientId == id).OrderByDescending(s => s.ScreenedAt).ToListAsync(ct);
        var sessions = await db.Scoped<Session>().AsNoTracking().Where(s => s.PatientId == id).OrderBy(s => s.Date).ToListAsync(ct);
        var consents = await db.Scoped<Consent>().AsNoTracking().Where(c => c.PatientId == id).OrderByDescending(c => c.SignedAt)
            .Select(c => new { Consent = c, Pdf = db.ConsentDocuments.Any(d => d.ConsentId == c.Id) }).ToListAsync(ct);
        var form = consents.Count == 0 ? null : (await db.CurrentAsync(knowledge.Records.ConsentForm, ct)).Version;
        var events = await db.Scoped<AdverseEvent>().AsNoTracking().Where(e => e.PatientId == id).OrderByDescending(e => e.OccurredOn).ToListAsync(ct);
        var plans = await db.Scoped<TreatmentPlan>().AsNoTracking().Where(p => p.PatientId == id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var outcomes = await db.Scoped<OutcomeAssessment>().AsNoTracking().Where(o => o.PatientId == id).OrderBy(o => o.AssessedOn).ToListAsync(ct);
        await audit.AuditNowAsync(http, patient.ClinicId, AuditAction.Read, "patient", id, id, AuditOutcome.Success, ct);
        return TypedResults.Ok(new PatientDetail(
            patient.Id, patient.ClinicId, patient.FamilyName, patient.GivenName, patient.BirthDate, patient.Phototype, patient.Phone, patient.Email, patient.ContactPreference, patient.Version,
            patient.Conditions, patient.Medications, patient.Allergies,
            [.. screenings.Select(s => new ScreeningView(s.Id, s.ScreenedAt, s.Verdict, s.NotBefore, s.KnowledgeVersion, JsonDocument.Parse(s.ResultJson).RootElement.Clone(), JsonSerializer.Deserialize(s.IntakeJson, StratumJson.Default.Intake)))],
            [.. sessions.Select(View)],
            [.. consents.Select(c => new ConsentView(c.Consent.Id, c.Consent.FormVersion, c.Consent.SignedAt, c.Consent.SignedBy, c.Consent.PhotoConsent, c.Consent.Signature, c.Consent.FormVersion == form, c.Pdf))],
            [.. events.Select(View)],
            [.. plans.Select(p => new PlanView(p.Id, p.Indication, p.Setting, p.SessionsPlanned, p.CreatedAt, JsonDocument.Parse(p.PlanJson).RootElement.Clone()))],
            [.. outcomes.Select(o => new OutcomeView(o.Id, o.AssessedOn, o.SessionId, o.QualitativeGrade, o.QuantitativeScore, o.PhotoIds))]));
    }

    public static async Task<Results<Ok<PatientSummary>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, TimeProvider time, ContactSettings contacts, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: true, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var input = Requests.ReadObject(body, o =>
        {
            var version = o.Id("version", "the version you read (a GUID)", required: true);
            var family = o.Has("familyName") ? Name(o, "familyName") : patient.FamilyName;
            var given = o.Has("givenName") ? Name(o, "givenName") : patient.GivenName;
            var phototype = o.Integer("phototype", 1, 6);
            var birth = o.Date("birthDate");
            if (birth is { } b && BirthDateProblem(b, time.Today()) is { } problem)
            {
                o.Error("birthDate", problem);
            }

            var contact = ReadContact(o, patient, contacts.DefaultRegion);
            return version is null || family is null || given is null || contact is null || o.HasErrors ? null : new { Version = version.Value, family, given, phototype, birth, contact };
        });
        if (!input.TryGetValue(out var change))
        {
            return Requests.Invalid(input.Errors);
        }

        // The version the caller read is what the update is checked against, not the one just loaded.
        db.Entry(patient).Property(p => p.Version).OriginalValue = change.Version;
        patient.Rename(change.family, change.given);
        patient.SetContact(change.contact.Phone, change.contact.Email, change.contact.Preference);
        if (change.birth is { } birthDate)
        {
            patient.CorrectBirthDate(birthDate);
        }

        if (change.phototype is { } phototype)
        {
            patient.AssessPhototype(phototype);
        }

        audit.Audit(http, patient.ClinicId, AuditAction.Update, "patient", id, id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await AuditConflictAsync(http, db, audit, patient.ClinicId, "patient", id, ct);
            return Requests.Stale("patient");
        }

        return TypedResults.Ok(PatientSummary.Of(patient));
    }

    private static string? Name(ObjectReader o, string field) => Filled(o, field, Patient.NameLength)?.Trim();

    /// <summary>A required text with something in it besides spaces.</summary>
    private static string? Filled(ObjectReader o, string field, int maxLength)
    {
        var text = o.Text(field, maxLength, required: true);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            o.Error(field, "is empty");
            return null;
        }

        return text;
    }


    /// <summary>The patient with this id in the caller's scope, or null; a miss is recorded in the caller's own trail.</summary>
    internal static async Task<Patient?> FindAsync(Guid id, HttpContext http, StratumDbContext db, AuditTrail audit, bool tracked, CancellationToken ct)
    {
        var patient = await (tracked ? db.Scoped<Patient>() : db.Scoped<Patient>().AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            await AuditMissAsync(http, db, audit, id, ct);
        }

        return patient;
    }

    /// <summary>A look-up of an id outside the caller's clinic (or of none) is recorded in the caller's own trail.</summary>
    private static async Task AuditMissAsync(HttpContext http, StratumDbContext db, AuditTrail audit, Guid id, CancellationToken ct)
    {
        if (Requests.ClinicOf(http.User) is { } clinic)
        {
            await audit.AuditNowAsync(http, clinic, AuditAction.Read, "patient", id, null, AuditOutcome.NotFound, ct);
        }
    }

    private static async Task AuditConflictAsync(HttpContext http, StratumDbContext db, AuditTrail audit, Guid clinic, string entity, Guid? entityId, CancellationToken ct, AuditOutcome outcome = AuditOutcome.Conflict, Guid? patientId = null)
    {
        db.DiscardPendingChanges();
        await audit.AuditNowAsync(http, clinic, outcome == AuditOutcome.Conflict ? AuditAction.Update : AuditAction.Create, entity, entityId, patientId ?? entityId, outcome, ct);
    }
}
