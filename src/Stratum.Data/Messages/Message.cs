using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Messages;

/// <summary>
/// One message of the outbox (DESIGN §5): one row per kind and appointment or session, so it is sent at most once. It
/// waits until <see cref="NextAttemptAt"/>; a node that claims it holds it until <see cref="ClaimedUntil"/>, and a
/// failed send is tried again later with back-off until <see cref="MaxAttempts"/>.
/// </summary>
public sealed class Message : IClinicOwned
{
    public const int MaxAttempts = 10;
    public const int ErrorLength = 1000;
    public const int NodeLength = 200;

    private Message(Guid clinicId, Guid patientId, MessageKind kind, Guid? appointmentId, Guid? sessionId, DateTimeOffset eventAt, DateTimeOffset dueAt)
    {
        Id = Guid.NewGuid();
        ClinicId = Guard.Id(clinicId, nameof(clinicId));
        PatientId = Guard.Id(patientId, nameof(patientId));
        Kind = kind;
        AppointmentId = appointmentId;
        SessionId = sessionId;
        EventAt = eventAt;
        DueAt = dueAt;
        NextAttemptAt = dueAt;
        Status = MessageStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public MessageKind Kind { get; private set; }

    /// <summary>The appointment a reminder is for.</summary>
    public Guid? AppointmentId { get; private set; }

    /// <summary>The session an aftercare message or follow-up is for.</summary>
    public Guid? SessionId { get; private set; }

    /// <summary>The appointment's start, or when the patient was treated.</summary>
    public DateTimeOffset EventAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public MessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed, or why the message cannot be sent.</summary>
    public string? LastError { get; private set; }

    /// <summary>When it is next looked at; null once it is settled (sent, not sendable, or failed for good).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The address it went to, as it was when sent.</summary>
    public string? SentTo { get; private set; }

    /// <summary>A reminder <paramref name="hoursBefore"/> hours before the start; at once when that time has already passed.</summary>
    public static Message Reminder(Guid clinicId, Guid patientId, Guid appointmentId, DateTimeOffset start, int hoursBefore, DateTimeOffset now) =>
        new(clinicId, patientId, MessageKind.AppointmentReminder, Guard.Id(appointmentId, nameof(appointmentId)), null, start, Due(start, -hoursBefore, now));

    /// <summary>A message <paramref name="hoursAfter"/> hours after the patient was treated at <paramref name="treatedAt"/>.</summary>
    public static Message AfterSession(Guid clinicId, Guid patientId, Guid sessionId, MessageKind kind, DateTimeOffset treatedAt, int hoursAfter) =>
        kind == MessageKind.AppointmentReminder
            ? throw new ArgumentException("a reminder is for an appointment", nameof(kind))
            : new(clinicId, patientId, kind, null, Guard.Id(sessionId, nameof(sessionId)), treatedAt, treatedAt.AddHours(hoursAfter));

    /// <summary>Whether it may still go out: not sent, and not given up on.</summary>
    public bool IsWaiting => NextAttemptAt is not null;

    /// <summary>The appointment moved: a reminder not yet sent follows it.</summary>
    public void Follow(DateTimeOffset start, int hoursBefore, DateTimeOffset now)
    {
        if (IsWaiting)
        {
            EventAt = start;
            DueAt = Due(start, -hoursBefore, now);
            NextAttemptAt = DueAt;
        }
    }

    /// <summary>It will not be sent: no address, preference none, or its appointment no longer stands.</summary>
    public void CannotSend(string reason)
    {
        Settle(MessageStatus.NotSendable, reason);
    }

    public void Sent(DateTimeOffset at, string to)
    {
        Attempts++;
        SentAt = at;
        SentTo = Guard.Text(to, Limits.ShortText, nameof(to));
        Settle(MessageStatus.Sent, null);
    }

    /// <summary>The mail server refused or could not be reached: tried again after a back-off that doubles, up to <see cref="MaxAttempts"/>.</summary>
    public void Failed(string error, DateTimeOffset at)
    {
        Attempts++;
        Settle(MessageStatus.Failed, error);
        if (Attempts < MaxAttempts)
        {
            NextAttemptAt = at + BackOff(Attempts);
        }
    }

    /// <summary>1 minute after the first failure, doubling each time, at most 6 hours.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), 360));

    private void Settle(MessageStatus status, string? error)
    {
        Status = status;
        LastError = error is null ? null : error.Length <= ErrorLength ? error : error[..ErrorLength];
        NextAttemptAt = null;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    private static DateTimeOffset Due(DateTimeOffset eventAt, int hours, DateTimeOffset now) => eventAt.AddHours(hours) > now ? eventAt.AddHours(hours) : now;
}
