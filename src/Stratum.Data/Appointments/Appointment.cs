using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Appointments;

/// <summary>
/// A visit in the clinic's book: who, when, with which clinician, and for a treatment its indication and zones. The
/// booking gates ran when it was booked or moved; an override of them keeps its reason. A session recorded for it
/// completes it.
/// </summary>
public sealed class Appointment : Versioned, IClinicOwned
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 8 * 60;

    private Appointment(Guid id, Guid clinicId, Guid patientId, string clinicianId, DateTimeOffset start, DateTimeOffset end,
        Indication? indication, string zoneCodes, string bookedBy, DateTimeOffset bookedAt)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        ClinicianId = clinicianId;
        Start = start;
        End = end;
        Indication = indication;
        ZoneCodes = zoneCodes;
        BookedBy = bookedBy;
        BookedAt = bookedAt;
        Status = AppointmentStatus.Booked;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The <see cref="Identity.StaffUser"/> id of the clinician whose book it is in.</summary>
    public string ClinicianId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    /// <summary>Kept, not computed, so that "who is busy at this time" is one range query on an index.</summary>
    public DateTimeOffset End { get; private set; }

    public int DurationMinutes => (int)(End - Start).TotalMinutes;

    public Indication? Indication { get; private set; }

    /// <summary>The zones to treat as their codes, comma-separated (a short list read with the row, never queried on its own).</summary>
    public string ZoneCodes { get; private set; }

    public IReadOnlyList<Zone> Zones => ParseZones(ZoneCodes);

    /// <summary>A treatment has an indication or zones; a consultation has neither, and the treatment gates do not apply to it.</summary>
    public bool IsTreatment => Indication is not null || ZoneCodes.Length > 0;

    public AppointmentStatus Status { get; private set; }

    /// <summary>Why the booking went ahead although a gate refused it; null when nothing was overridden.</summary>
    public string? OverrideReason { get; private set; }

    public Guid? SessionId { get; private set; }

    public string BookedBy { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    /// <summary>Whether it still holds its time in the book (booked, or the patient has arrived).</summary>
    public bool IsOpen => Status is AppointmentStatus.Booked or AppointmentStatus.Arrived;

    public static Appointment Book(Guid clinicId, Guid patientId, string clinicianId, DateTimeOffset start, int durationMinutes,
        Indication? indication, IEnumerable<Zone> zones, string bookedBy, DateTimeOffset bookedAt, string? overrideReason) => new(
            Guid.NewGuid(),
            Guard.Id(clinicId, nameof(clinicId)),
            Guard.Id(patientId, nameof(patientId)),
            Guard.Text(clinicianId, Limits.UserIdLength, nameof(clinicianId)),
            start,
            start.AddMinutes(Guard.InRange(durationMinutes, MinMinutes, MaxMinutes, nameof(durationMinutes))),
            indication,
            string.Join(',', zones.Distinct().Select(Codes.Of)),
            Guard.Text(bookedBy, Limits.UserIdLength, nameof(bookedBy)),
            bookedAt)
        {
            OverrideReason = Guard.OptionalText(overrideReason, Limits.NoteLength, nameof(overrideReason)),
        };

    /// <summary>Moves it to a new time or clinician; only an open appointment moves.</summary>
    public void Move(DateTimeOffset start, int durationMinutes, string clinicianId, string? overrideReason)
    {
        DemandOpen();
        Start = start;
        End = start.AddMinutes(Guard.InRange(durationMinutes, MinMinutes, MaxMinutes, nameof(durationMinutes)));
        ClinicianId = Guard.Text(clinicianId, Limits.UserIdLength, nameof(clinicianId));
        OverrideReason = Guard.OptionalText(overrideReason, Limits.NoteLength, nameof(overrideReason)) ?? OverrideReason;
    }

    /// <summary>The statuses an appointment that is <paramref name="status"/> may be set to, in the vocabulary's order.</summary>
    public static IEnumerable<AppointmentStatus> NextOf(AppointmentStatus status) =>
        Enum.GetValues<AppointmentStatus>().Where(next => next != status && CanGo(status, next));

    // Forward from booked or arrived, never back from an outcome.
    private static bool CanGo(AppointmentStatus status, AppointmentStatus next) => (status, next) switch
    {
        (AppointmentStatus.Booked, AppointmentStatus.Arrived or AppointmentStatus.Completed or AppointmentStatus.Cancelled or AppointmentStatus.NoShow) => true,
        (AppointmentStatus.Arrived, AppointmentStatus.Completed or AppointmentStatus.Cancelled) => true,
        _ => status == next,
    };

    /// <summary>Why an appointment that is <paramref name="status"/> may not become <paramref name="next"/>; null when it may.</summary>
    public static string? WhyNot(AppointmentStatus status, AppointmentStatus next) =>
        CanGo(status, next) ? null : $"an appointment that is {Codes.Of(status)} cannot become {Codes.Of(next)}";

    public void Become(AppointmentStatus next)
    {
        Status = WhyNot(Status, next) is { } why ? throw new InvalidOperationException(why) : next;
    }

    /// <summary>The session recorded for this visit completes it.</summary>
    public void Complete(Guid sessionId)
    {
        Become(AppointmentStatus.Completed);
        SessionId = Guard.Id(sessionId, nameof(sessionId));
    }

    private void DemandOpen()
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"an appointment that is {Codes.Of(Status)} cannot be moved");
        }
    }

    private static Zone[] ParseZones(string codes) =>
        codes.Length == 0 ? [] : [.. codes.Split(',').Select(c => Codes.TryParse<Zone>(c, out var zone) ? zone : throw new FormatException($"stored zone '{c}' is not a zone code"))];
}
