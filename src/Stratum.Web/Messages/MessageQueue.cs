using Microsoft.EntityFrameworkCore;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Appointments;
using Stratum.Data.Messages;
using Stratum.Data.Sessions;
using Stratum.Web.Api;

namespace Stratum.Web.Messages;

/// <summary>
/// Puts messages in the outbox in the same SaveChanges as the booking or the session they are about, so that neither
/// lands without the other; <see cref="MessageSender"/> sends them when they are due.
/// </summary>
internal static class MessageQueue
{
    private static readonly MessageKind[] AfterSession = [MessageKind.Aftercare24h, MessageKind.Aftercare72h, MessageKind.FollowUp];

    /// <summary>A reminder before the appointment (at once when it is booked less than that ahead).</summary>
    public static void Remind(StratumDbContext db, KnowledgeBase knowledge, Appointment appointment, DateTimeOffset now) =>
        db.Messages.Add(Message.Reminder(appointment.ClinicId, appointment.PatientId, appointment.Id, appointment.Start, HoursBefore(knowledge), now));

    /// <summary>A moved appointment takes its reminder along; one that no longer stands (cancelled, no-show, arrived, completed) withdraws it.</summary>
    public static async Task FollowAsync(StratumDbContext db, KnowledgeBase knowledge, Appointment appointment, DateTimeOffset now, CancellationToken ct)
    {
        var reminder = await db.Messages.FirstOrDefaultAsync(m => m.AppointmentId == appointment.Id && m.Kind == MessageKind.AppointmentReminder, ct);
        if (reminder is null || !reminder.IsWaiting)
        {
            return;
        }

        if (appointment.Status == AppointmentStatus.Booked)
        {
            reminder.Follow(appointment.Start, HoursBefore(knowledge), now);
        }
        else
        {
            reminder.CannotSend($"the appointment is {Codes.Of(appointment.Status)}");
        }
    }

    /// <summary>
    /// Aftercare at 24 and 72 hours and the follow-up, counted from when the patient was treated: the time of
    /// recording for a session recorded on its day, noon of its day for one entered later. A message whose time has
    /// already passed when the session is entered is not queued: it would arrive after the fact.
    /// </summary>
    public static void AfterSessionRecorded(StratumDbContext db, KnowledgeBase knowledge, Session session, DateTimeOffset now, TimeProvider time)
    {
        var treatedAt = AppointmentsApi.DayOf(now, time) == session.Date ? now : AppointmentsApi.StartOf(session.Date, time).AddHours(12);
        foreach (var kind in AfterSession)
        {
            var message = Message.AfterSession(session.ClinicId, session.PatientId, session.Id, kind, treatedAt, knowledge.Records.Messages.Of(kind).Hours);
            if (message.DueAt > now)
            {
                db.Messages.Add(message);
            }
        }
    }

    private static int HoursBefore(KnowledgeBase knowledge) => -knowledge.Records.Messages.Of(MessageKind.AppointmentReminder).Hours;
}
