using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Appointments;
using Stratum.Data.Audit;
using Stratum.Data.Infrastructure;
using Stratum.Web.Hosting;
using Stratum.Web.Messages;

namespace Stratum.Web.Api;

/// <summary>Moving an appointment or setting its status, and a clinician's book as an iCalendar feed.</summary>
public static partial class AppointmentsApi
{
    private sealed record ChangeInput(Guid Version, DateTimeOffset? Start, int? DurationMinutes, string? ClinicianId, AppointmentStatus? Status, string? OverrideReason);

    public static async Task<Results<Ok<Booked>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null)
        {
            await audit.AuditNowAsync(http, clinic, AuditAction.Update, "appointment", id, null, AuditOutcome.NotFound, ct);
            return Requests.NotFound("appointment");
        }

        var input = Requests.ReadObject(body, o =>
        {
            var version = o.Id("version", "the version you read (a GUID)", required: true);
            var start = Start(o, time.GetUtcNow(), required: false);
            var duration = o.Integer("durationMinutes", Appointment.MinMinutes, Appointment.MaxMinutes);
            var clinician = o.Text("clinicianId", Limits.UserIdLength);
            var status = o.Code<AppointmentStatus>("status");
            if (status is { } next && Appointment.WhyNot(appointment.Status, next) is { } why)
            {
                o.Error("status", why);
            }

            var moves = start is not null || duration is not null || clinician is not null;
            if (moves && !appointment.IsOpen)
            {
                o.Error("start", $"an appointment that is {Codes.Of(appointment.Status)} cannot be moved");
            }

            if (moves && status is not null)
            {
                o.Error("status", "move an appointment or set its status, not both at once");
            }

            var reason = o.OverrideReason(Limits.NoteLength);
            return version is { } v && !o.HasErrors ? new ChangeInput(v, start, duration, clinician, status, reason) : null;
        });
        if (!input.TryGetValue(out var change))
        {
            return Requests.Invalid(input.Errors);
        }

        db.Entry(appointment).Property(a => a.Version).OriginalValue = change.Version;
        var gate = new Gate(null, [], []);
        if (change.Status is { } status)
        {
            appointment.Become(status);
            audit.Audit(http, clinic, AuditAction.Update, "appointment-status:" + Codes.Of(status), id, appointment.PatientId);
        }
        else
        {
            var errors = new List<InputError>();
            var clinicianId = change.ClinicianId is null ? appointment.ClinicianId : await ClinicianAsync(change.ClinicianId, http, db, clinic, errors, ct);
            if (clinicianId is null)
            {
                return Requests.Invalid(errors);
            }

            appointment.Move(change.Start ?? appointment.Start, change.DurationMinutes ?? appointment.DurationMinutes, clinicianId, change.OverrideReason);
            gate = await GateAsync(appointment, change.OverrideReason, http, db, audit, knowledge, time, ct);
            if (gate.Refused is { } refused)
            {
                return refused;
            }

            audit.Audit(http, clinic, AuditAction.Update, "appointment", id, appointment.PatientId);
            AuditOverride(gate.Overridden, appointment, http, audit);
        }

        await MessageQueue.FollowAsync(db, knowledge, appointment, time.GetUtcNow(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.DiscardPendingChanges();
            await audit.AuditNowAsync(http, clinic, AuditAction.Update, "appointment", id, appointment.PatientId, AuditOutcome.Conflict, ct);
            return Requests.Stale("appointment");
        }

        // A move has just worked out its warnings; a new status changes which ones apply.
        var warnings = change.Status is null ? gate.Warnings : (await ViewsAsync(db, knowledge, time, [appointment], ct))[0].Warnings;
        return TypedResults.Ok(new Booked(appointment.Id, appointment.Status, warnings, gate.Overridden));
    }

    /// <summary>
    /// The clinician's book as iCalendar, 30 days back to 180 ahead: one event per appointment, its UID the appointment's
    /// id (stable across fetches, so a calendar updates rather than duplicates), a cancelled one marked CANCELLED.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem>> FeedAsync(
        string? clinicianId, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var errors = new List<InputError>();
        var clinician = await ClinicianAsync(clinicianId, http, db, clinic, errors, ct);
        if (clinician is null)
        {
            return Requests.Invalid([.. errors.Select(e => e with { Path = "clinicianId" })]);
        }

        var today = time.Today();
        var items = await ReadBookAsync(db, knowledge, time, today.AddDays(-30), today.AddDays(180), clinician, ct);
        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Stratum//Appointment book//EN" };
        foreach (var a in items.Where(a => a.Status != AppointmentStatus.NoShow))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{a.Id:D}@stratum",
                DtStamp = stamp,
                DtStart = new CalDateTime(a.Start.UtcDateTime),
                DtEnd = new CalDateTime(a.End.UtcDateTime),
                Summary = $"{a.PatientName}: {What(a)}",
                Description = a.Warnings.Count == 0 ? null : string.Join("\n", a.Warnings.Select(w => $"{w.Rule}: {w.Message}")),
                Status = a.Status == AppointmentStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }

        await audit.AuditNowAsync(http, clinic, AuditAction.Read, "appointment-feed", clinician, null, AuditOutcome.Success, ct);
        return TypedResults.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", "text/calendar; charset=utf-8");
    }
}
