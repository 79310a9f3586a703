using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Knowledge;
using Stratum.Core.Scheduling;
using Stratum.Data;
using Stratum.Core.Records;
using Stratum.Data.Appointments;
using Stratum.Data.Audit;
using Stratum.Data.Consents;
using Stratum.Data.Identity;
using Stratum.Web.Components;

namespace Stratum.Web.Api;

/// <summary>The gates a booking or a move passes, and the book as it is read back with each appointment's warnings.</summary>
public static partial class AppointmentsApi
{
    private sealed record Gate(ProblemHttpResult? Refused, IReadOnlyList<BookingFinding> Warnings, IReadOnlyList<BookingFinding> Overridden);

    /// <summary>
    /// The clinician's book first (a busy clinician is never overridden), then the session gates ahead of time; a
    /// refusal without <paramref name="overrideReason"/> is a 409 naming the rule, audited as denied.
    /// </summary>
    private static async Task<Gate> GateAsync(Appointment appointment, string? overrideReason, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        var rules = new BookingRules(knowledge);
        var busy = await AppointmentBook.Overlapping(db, appointment).FirstOrDefaultAsync(ct);
        if (busy is not null)
        {
            var finding = rules.Busy(Local(busy.Start, time), Local(busy.End, time));
            return await RefuseAsync([finding], overridable: false, appointment, http, db, audit, ct);
        }

        var day = DayOf(appointment.Start, time);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.PatientId == appointment.PatientId).Select(s => s.Date).ToListAsync(ct);
        var others = await AppointmentBook.OpenOf(db, appointment.PatientId, appointment.Id).AsNoTracking().ToListAsync(ct);
        var decision = rules.Check(new BookingCheck(
            day,
            appointment.IsTreatment,
            appointment.Indication,
            await PatientsApi.LatestScreeningAsync(db, appointment.PatientId, ct),
            sessions,
            [.. others.Where(o => o.IsTreatment).Select(o => DayOf(o.Start, time))],
            (await db.OnFileAsync(appointment.PatientId, knowledge.Records.ConsentForm, ct)).OnFile));
        if (decision.Refusals.Count > 0 && overrideReason is null)
        {
            return await RefuseAsync(decision.Refusals, overridable: true, appointment, http, db, audit, ct);
        }

        return new Gate(null, decision.Warnings, decision.Refusals);
    }

    private static async Task<Gate> RefuseAsync(IReadOnlyList<BookingFinding> refusals, bool overridable, Appointment appointment, HttpContext http, StratumDbContext db, AuditTrail audit, CancellationToken ct)
    {
        db.DiscardPendingChanges();
        await audit.AuditNowAsync(http, appointment.ClinicId, AuditAction.Create, "appointment", null, appointment.PatientId, AuditOutcome.Denied, ct);
        var problem = Requests.Conflict(
            $"Booking refused: {refusals[0].Rule}",
            string.Join(" ", refusals.Select(r => $"{r.Rule}: {r.Message}")),
            new Dictionary<string, object?>
            {
                ["rule"] = refusals[0].Rule,
                ["notBefore"] = refusals.Select(r => r.NotBefore).Max(),
                ["refusals"] = refusals,
                ["overridable"] = overridable,
            });
        return new Gate(problem, [], []);
    }

    private static void AuditOverride(IReadOnlyList<BookingFinding> overridden, Appointment appointment, HttpContext http, AuditTrail audit)
    {
        if (overridden.Count > 0)
        {
            audit.Audit(http, appointment.ClinicId, AuditAction.Create, "appointment-override:" + string.Join(",", overridden.Select(r => r.Rule)), appointment.Id, appointment.PatientId);
        }
    }

    /// <summary>The clinic's appointments from the start of <paramref name="first"/> to the end of <paramref name="last"/>, in start order, with their warnings.</summary>
    internal static async Task<List<AppointmentView>> ReadBookAsync(StratumDbContext db, KnowledgeBase knowledge, TimeProvider time, DateOnly first, DateOnly last, string? clinicianId, CancellationToken ct)
    {
        var (start, end) = (StartOf(first, time), StartOf(last.AddDays(1), time));
        return await ViewsAsync(db, knowledge, time, await AppointmentBook.Starting(db, start, end, clinicianId).ToListAsync(ct), ct);
    }

    /// <summary>The appointments as views: patient and clinician named, the warnings of each open treatment as of now.</summary>
    internal static async Task<List<AppointmentView>> ViewsAsync(StratumDbContext db, KnowledgeBase knowledge, TimeProvider time, IReadOnlyList<Appointment> appointments, CancellationToken ct)
    {
        var patients = appointments.Select(a => a.PatientId).Distinct().ToList();
        var names = await db.Patients.AsNoTracking().Where(p => patients.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.FamilyName}, {p.GivenName}", ct);
        var screened = (await db.Screenings.AsNoTracking().Where(s => patients.Contains(s.PatientId)).Select(s => new { s.PatientId, s.ScreenedAt }).ToListAsync(ct))
            .GroupBy(s => s.PatientId).ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Max(s => s.ScreenedAt).UtcDateTime));
        var form = (await db.CurrentAsync(knowledge.Records.ConsentForm, ct)).Version;
        var consented = (await db.Consents.AsNoTracking().Where(c => patients.Contains(c.PatientId) && c.FormVersion == form).Select(c => c.PatientId).Distinct().ToListAsync(ct)).ToHashSet();
        var clinicians = appointments.Count == 0 ? [] : (await db.CliniciansAsync(appointments[0].ClinicId, ct)).ToDictionary(c => c.Id, c => c.Name);
        var rules = new BookingRules(knowledge);
        return [.. appointments.Select(a => new AppointmentView(
            a.Id, a.PatientId, names.GetValueOrDefault(a.PatientId, "a patient"), a.ClinicianId, clinicians.GetValueOrDefault(a.ClinicianId, "a former clinician"),
            Local(a.Start, time), Local(a.End, time), a.DurationMinutes, a.Indication, a.Zones, a.Status, a.OverrideReason, a.SessionId, a.Version,
            a.IsOpen && a.IsTreatment
                ? rules.Warnings(DayOf(a.Start, time), screened.TryGetValue(a.PatientId, out var s) ? s : null, new ConsentOnFile(consented.Contains(a.PatientId) ? form : null, form))
                : []))];
    }

    /// <summary>What the visit is for, in words: the indication, else "treatment" (zones only) or "consultation".</summary>
    internal static string What(AppointmentView a) =>
        a.Indication is { } i ? PlainWords.IndicationNames[i].ToLowerInvariant()
        : a.Zones.Count > 0 ? "treatment"
        : "consultation";

    /// <summary>The clinic's day a moment falls on: the server's time zone.</summary>
    internal static DateOnly DayOf(DateTimeOffset moment, TimeProvider time) => DateOnly.FromDateTime(Local(moment, time).DateTime);

    internal static DateTimeOffset Local(DateTimeOffset moment, TimeProvider time) => TimeZoneInfo.ConvertTime(moment, time.LocalTimeZone);

    internal static DateTimeOffset StartOf(DateOnly day, TimeProvider time)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, time.LocalTimeZone.GetUtcOffset(midnight));
    }
}
