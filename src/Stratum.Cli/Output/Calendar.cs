using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Stratum.Core.Scheduling;

namespace Stratum.Cli.Output;

/// <summary>A schedule as an iCalendar file (RFC 5545): all-day events for sessions and follow-ups, each with a reminder.</summary>
internal static class Calendar
{
    public static string Write(Schedule schedule)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Stratum//Schedule//EN" };
        foreach (var session in schedule.Sessions)
        {
            calendar.Events.Add(Event($"session-{session.Number}", session.Date, $"Microneedling session {session.Number}",
                "Come with clean skin, no retinoids or exfoliants in the days before.", reminderDays: 1));
        }

        foreach (var followUp in schedule.FollowUps)
        {
            calendar.Events.Add(Event($"{followUp.Kind}-{followUp.Session}", followUp.Date, $"Follow-up ({followUp.Kind}) after session {followUp.Session}",
                followUp.Message, reminderDays: 0));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(string id, DateOnly date, string summary, string description, int reminderDays)
    {
        var e = new CalendarEvent
        {
            Uid = $"stratum-{id}-{date:yyyyMMdd}",
            Summary = summary,
            Description = description,
            DtStart = new CalDateTime(date),
            DtEnd = new CalDateTime(date.AddDays(1)),
            DtStamp = new CalDateTime(date.ToDateTime(TimeOnly.MinValue), "UTC"),
        };
        e.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = summary,
            Trigger = new Trigger(Duration.FromDays(-reminderDays)),
        });
        return e;
    }
}
