using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;
using Stratum.Core.Records;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Appointments;
using Stratum.Data.Audit;
using Stratum.Data.Consents;
using Stratum.Data.Infrastructure;
using Stratum.Data.Sessions;
using Stratum.Web.Hosting;
using Stratum.Web.Messages;

namespace Stratum.Web.Api;

/// <summary>Recording a session: the session rules, the lot the clinic registered, consent, and an override with its reason.</summary>
public static partial class PatientsApi
{
    private sealed record SessionInput(DateOnly Date, Indication? Indication, IReadOnlyList<SessionZone> Zones, DeviceUsed Device, string LotNumber, DateOnly LotExpiry, Guid? ConsentId, string? Notes, string? OverrideReason);

    /// <summary>
    /// Refusals that no override lifts: a cartridge the clinic never registered (a recall could not find it), an expired or
    /// recalled one is never used, and nobody is treated without consent on record.
    /// </summary>
    private static readonly string[] HardStops = ["SE-LOT-UNKNOWN", "SE-LOT-EXPIRED", "SE-LOT-RECALLED", "SE-NO-CONSENT", "SE-CONSENT-OUTDATED"];

    public static async Task<Results<Created<SessionRecorded>, ValidationProblem, ProblemHttpResult>> RecordSessionAsync(
        Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var today = time.Today();
        var input = Requests.ReadObject(body, o => ReadSession(o, today));
        if (!input.TryGetValue(out var session))
        {
            return Requests.Invalid(input.Errors);
        }

        var latest = await LatestScreeningAsync(db, id, ct);
        var previous = await db.Sessions.AsNoTracking().Where(s => s.PatientId == id).Select(s => s.Date).ToListAsync(ct);
        var lot = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.ClinicId == patient.ClinicId && l.LotNumber == session.LotNumber, ct);
        var (consent, consentId) = await db.OnFileAsync(id, knowledge.Records.ConsentForm, ct, session.ConsentId);
        var check = new SessionCheck(
            session.Date,
            session.Indication,
            session.Zones,
            latest,
            previous,
            new LotState(session.LotNumber, lot is null || session.LotExpiry < lot.Expiry ? session.LotExpiry : lot.Expiry, lot?.RecalledAt, lot?.RecallReason, lot is not null),
            consent);
        var refusals = new SessionRules(knowledge).Check(check);
        if (refusals.Count > 0 && (session.OverrideReason is null || refusals.Any(r => HardStops.Contains(r.Rule))))
        {
            await AuditConflictAsync(http, db, audit, patient.ClinicId, "session", null, ct, AuditOutcome.Denied, id);
            return Requests.Conflict(
                $"Session refused: {refusals[0].Rule}",
                string.Join(" ", refusals.Select(r => $"{r.Rule}: {r.Message}")),
                new Dictionary<string, object?>
                {
                    ["rule"] = refusals[0].Rule,
                    ["notBefore"] = refusals.Select(r => r.NotBefore).Max(),
                    ["refusals"] = refusals,
                    ["overridable"] = !refusals.Any(r => HardStops.Contains(r.Rule)),
                });
        }

        var recorded = Session.Record(patient.ClinicId, id, null, session.Date, Requests.UserId(http), session.Device, session.LotNumber, check.Lot.Expiry,
            consentId!.Value, session.Zones.Select(z => new TreatedZone(z.Zone, z.DepthMm, z.Passes)), refusals.Count > 0 ? session.OverrideReason : null);
        recorded.WriteNotes(session.Notes);
        db.Sessions.Add(recorded);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "session", recorded.Id, id);
        await CompleteAppointmentAsync(db, audit, http, time, recorded, ct);
        MessageQueue.AfterSessionRecorded(db, knowledge, recorded, time.GetUtcNow(), time);
        if (refusals.Count > 0)
        {
            audit.Audit(http, patient.ClinicId, AuditAction.Create, "session-override:" + string.Join(",", refusals.Select(r => r.Rule)), recorded.Id, id);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}", new SessionRecorded(recorded.Id, recorded.Date, recorded.OverrideReason, refusals));
    }

    /// <summary>The patient's open treatment appointment on the session's day, if any, is completed by the session.</summary>
    private static async Task CompleteAppointmentAsync(StratumDbContext db, AuditTrail audit, HttpContext http, TimeProvider time, Session session, CancellationToken ct)
    {
        var open = await AppointmentBook.OpenOf(db, session.PatientId).ToListAsync(ct);
        if (open.FirstOrDefault(a => a.IsTreatment && AppointmentsApi.DayOf(a.Start, time) == session.Date) is { } appointment)
        {
            appointment.Complete(session.Id);
            audit.Audit(http, session.ClinicId, AuditAction.Update, "appointment-status:completed", appointment.Id, session.PatientId);
        }
    }

    /// <summary>The patient's latest stored screening as the session and booking rules read it; null when never screened.</summary>
    internal static async Task<LastScreening?> LatestScreeningAsync(StratumDbContext db, Guid patientId, CancellationToken ct)
    {
        var latest = await db.Screenings.AsNoTracking().Where(s => s.PatientId == patientId).OrderByDescending(s => s.ScreenedAt).FirstOrDefaultAsync(ct);
        return latest is null ? null
            : new LastScreening(DateOnly.FromDateTime(latest.ScreenedAt.UtcDateTime), latest.Verdict, latest.NotBefore, JsonSerializer.Deserialize(latest.IntakeJson, StratumJson.Default.Intake)!);
    }

    internal static SessionView View(Session s) => new(s.Id, s.Date, s.OperatorId, $"{s.Device.Make} {s.Device.Model}", s.Device.NeedleConfiguration, s.LotNumber, s.LotExpiry,
        s.ConsentId, [.. s.Zones.Select(z => new ZoneView(z.Zone, z.DepthMm, z.Passes))], s.Notes, s.OverrideReason);

    private static SessionInput? ReadSession(ObjectReader o, DateOnly today)
    {
        var date = o.Date("date") ?? today;
        var indication = o.Code<Indication>("indication");
        var zones = o.Objects("zones", z =>
        {
            var zone = z.Code<Zone>("zone", required: true);
            var depth = z.Number("depthMm", 0m, 5m, required: true, minExclusive: true);
            var passes = z.Integer("passes", 1, 20, required: true);
            return zone is { } zz && depth is { } d && passes is { } p ? new SessionZone(zz, d, p) : null;
        }, 16);
        if (!o.HasErrors && zones.Count == 0)
        {
            o.Error("zones", "needs at least one treated zone");
        }

        foreach (var twice in zones.GroupBy(z => z.Zone).Where(g => g.Count() > 1))
        {
            o.Error("zones", $"'{Codes.Of(twice.Key)}' is listed twice");
        }

        var device = o.Object("device", d =>
        {
            var make = Filled(d, "make", Limits.ShortText);
            var model = Filled(d, "model", Limits.ShortText);
            var needles = Filled(d, "needleConfiguration", Limits.ShortText);
            return make is null || model is null || needles is null ? null : new DeviceUsed(make, model, needles);
        }, required: true);
        var lot = o.Object("lot", l =>
        {
            var number = Filled(l, "number", Limits.LotNumberLength);
            var expiry = l.Date("expiry", required: true);
            return number is null || expiry is null ? null : new LotGiven(number.Trim(), expiry.Value);
        }, required: true);
        var consent = o.Id("consentId", "a consent id");

        var notes = o.Text("notes", Limits.NoteLength);
        var overrideReason = o.OverrideReason(Limits.NoteLength);

        return o.HasErrors || device is null || lot is null
            ? null
            : new SessionInput(date, indication, zones, device, lot.Number, lot.Expiry, consent, notes, overrideReason);
    }

    private sealed record LotGiven(string Number, DateOnly Expiry);
}
