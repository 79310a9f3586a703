using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Scheduling;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Appointments;
using Stratum.Data.Audit;
using Stratum.Data.Identity;
using Stratum.Data.Infrastructure;
using Stratum.Web.Hosting;
using Stratum.Web.Messages;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>
/// The appointment book (DESIGN §5): booking applies the session gates ahead of time, a busy clinician is refused
/// outright, and a refusal can be overridden with a reason, which is kept and audited. Days are the clinic's days,
/// in the server's time zone.
/// </summary>
public static partial class AppointmentsApi
{
    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Policies.ClinicMember);
        api.MapGet("/", ListAsync).WithName("ListAppointments")
            .WithSummary("The book: ?from= and ?to= (days yyyy-MM-dd, inclusive; today and the next 6 days by default, at most 62), ?clinicianId=.");
        api.MapPost("/", BookAsync).WithName("BookAppointment").RequireAuthorization(Policies.Booking)
            .WithSummary("Book { patientId, start (ISO 8601 with offset), durationMinutes, clinicianId?, indication?, zones?, overrideReason? }; refused (409, rule code) inside the healing interval, against the latest screening, or when the clinician is busy.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetAppointment").WithSummary("One appointment with its warnings.");
        api.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeAppointment")
            .WithSummary("Move it ({ version, start?, durationMinutes?, clinicianId?, overrideReason? }: the gates run again) or set its status ({ version, status }: arrived, completed, cancelled, no-show).");
        api.MapGet("/clinicians", CliniciansAsync)
            .WithName("ListClinicians").WithSummary("The clinicians whose books appointments go in: { id, name }.");
        api.MapGet("/calendar.ics", FeedAsync).WithName("AppointmentFeed")
            .WithSummary("A clinician's book as iCalendar (RFC 5545): ?clinicianId=, yours by default; 30 days back to 180 ahead.");
        return app;
    }

    public sealed record AppointmentView(
        Guid Id,
        Guid PatientId,
        string PatientName,
        string ClinicianId,
        string Clinician,
        DateTimeOffset Start,
        DateTimeOffset End,
        int DurationMinutes,
        Indication? Indication,
        IReadOnlyList<Zone> Zones,
        AppointmentStatus Status,
        string? OverrideReason,
        Guid? SessionId,
        Guid Version,
        IReadOnlyList<BookingFinding> Warnings);

    /// <param name="Overridden">The refusals an override reason lifted.</param>
    public sealed record Booked(Guid Id, AppointmentStatus Status, IReadOnlyList<BookingFinding> Warnings, IReadOnlyList<BookingFinding> Overridden);

    public sealed record Book(IReadOnlyList<AppointmentView> Items, DateOnly From, DateOnly To);

    private sealed record BookingInput(Guid PatientId, DateTimeOffset Start, int DurationMinutes, string? ClinicianId, Indication? Indication, IReadOnlyList<Zone> Zones, string? OverrideReason);

    public const int MaxDays = 62;

    public static async Task<Results<Created<Booked>, ValidationProblem, ProblemHttpResult>> BookAsync(
        JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var now = time.GetUtcNow();
        var input = Requests.ReadObject(body, o =>
        {
            var patient = o.Id("patientId", "a patient id", required: true);
            var start = Start(o, now);
            var duration = o.Integer("durationMinutes", Appointment.MinMinutes, Appointment.MaxMinutes, required: true);
            var clinician = o.Text("clinicianId", Limits.UserIdLength);
            var indication = o.Code<Indication>("indication");
            var zones = o.CodeList<Zone>("zones", 16);
            var reason = o.OverrideReason(Limits.NoteLength);
            return patient is { } p && start is { } s && duration is { } d && !o.HasErrors ? new BookingInput(p, s, d, clinician, indication, zones, reason) : null;
        });
        if (!input.TryGetValue(out var booking))
        {
            return Requests.Invalid(input.Errors);
        }

        var errors = new List<InputError>();
        if (!await db.Patients.AnyAsync(p => p.Id == booking.PatientId, ct))
        {
            errors.Add(new InputError("$.patientId", "is not a patient of your clinic"));
        }

        var clinicianId = await ClinicianAsync(booking.ClinicianId, http, db, clinic, errors, ct);
        if (errors.Count > 0 || clinicianId is null)
        {
            return Requests.Invalid(errors);
        }

        var appointment = Appointment.Book(clinic, booking.PatientId, clinicianId, booking.Start, booking.DurationMinutes, booking.Indication, booking.Zones,
            Requests.UserId(http), now, booking.OverrideReason);
        var gate = await GateAsync(appointment, booking.OverrideReason, http, db, audit, knowledge, time, ct);
        if (gate.Refused is { } refused)
        {
            return refused;
        }

        db.Appointments.Add(appointment);
        MessageQueue.Remind(db, knowledge, appointment, now);
        audit.Audit(http, clinic, AuditAction.Create, "appointment", appointment.Id, appointment.PatientId);
        AuditOverride(gate.Overridden, appointment, http, audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/appointments/{appointment.Id}", new Booked(appointment.Id, appointment.Status, gate.Warnings, gate.Overridden));
    }

    public static async Task<Results<Ok<Book>, ValidationProblem>> ListAsync(
        string? from, string? to, string? clinicianId, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var (first, last) = Days(from, to, time.Today(), errors);
        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var clinic = Requests.ClinicOf(http.User)!.Value;
        var items = await ReadBookAsync(db, knowledge, time, first, last, clinicianId, ct);
        await audit.AuditNowAsync(http, clinic, AuditAction.Read, "appointments", $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}", null, AuditOutcome.Success, ct);
        return TypedResults.Ok(new Book(items, first, last));
    }

    public static async Task<Results<Ok<AppointmentView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        await audit.AuditNowAsync(http, clinic, AuditAction.Read, "appointment", id, appointment?.PatientId, appointment is null ? AuditOutcome.NotFound : AuditOutcome.Success, ct);
        return appointment is null ? Requests.NotFound("appointment") : TypedResults.Ok((await ViewsAsync(db, knowledge, time, [appointment], ct))[0]);
    }

    public static async Task<Ok<List<ClinicianName>>> CliniciansAsync(HttpContext http, StratumDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.CliniciansAsync(Requests.ClinicOf(http.User)!.Value, ct));


    /// <summary>A start with its offset, not in the past.</summary>
    private static DateTimeOffset? Start(ObjectReader o, DateTimeOffset now, bool required = true)
    {
        var start = o.Instant("start", required);
        if (start is { } s && s < now)
        {
            o.Error("start", $"{s:yyyy-MM-dd HH:mm zzz} is in the past");
            return null;
        }

        return start;
    }

    /// <summary>The clinician whose book it goes in: the one named (a clinician of the clinic), else the caller when a clinician.</summary>
    private static async Task<string?> ClinicianAsync(string? named, HttpContext http, StratumDbContext db, Guid clinic, List<InputError> errors, CancellationToken ct)
    {
        var clinicians = await db.CliniciansAsync(clinic, ct);
        var id = named ?? (http.User.IsInRole(Roles.Clinician) ? Requests.UserId(http) : null);
        if (id is null)
        {
            errors.Add(new InputError("$.clinicianId", "is required: name the clinician whose book the appointment goes in"));
        }
        else if (clinicians.All(c => c.Id != id))
        {
            errors.Add(new InputError("$.clinicianId", $"'{ObjectReader.Printable(id)}' is not a clinician of your clinic"));
            id = null;
        }

        return id;
    }

    /// <summary>The days asked for, today and the six after it by default; a range is at most <see cref="MaxDays"/> days.</summary>
    internal static (DateOnly From, DateOnly To) Days(string? from, string? to, DateOnly today, List<InputError> errors)
    {
        var first = Paging.Day("from", from, today, errors);
        var last = Paging.Day("to", to, first.AddDays(6), errors);
        if (errors.Count == 0 && (last < first || last.DayNumber - first.DayNumber >= MaxDays))
        {
            errors.Add(new InputError("to", $"must be on or after from and at most {MaxDays} days on"));
        }

        return (first, last);
    }
}
