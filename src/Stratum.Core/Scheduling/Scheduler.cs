using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Planning;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Scheduling;

/// <param name="Start">The proposed date of the first session to schedule.</param>
/// <param name="Previous">Dates of sessions already done in this course.</param>
/// <param name="Sessions">How many sessions to schedule; null = the rest of the course's minimum.</param>
/// <param name="OverrideReason">A clinician's recorded reason to schedule despite the interval rule.</param>
public sealed record ScheduleRequest(
    Setting Setting,
    Indication Indication,
    DateOnly Start,
    IReadOnlyList<DateOnly> Previous,
    int? Sessions = null,
    DeviceSpec? Device = null,
    string? OverrideReason = null)
{
    public const int MaxSessions = 52;

    public static InputResult<ScheduleRequest> Parse(JsonText json) => JsonInput.Parse(json, o =>
    {
        var setting = o.Code<Setting>("setting", required: true);
        var indication = o.Code<Indication>("indication", required: true);
        var start = o.Date("start", required: true);
        var previous = o.Dates("previous");
        foreach (var late in previous.Where(p => p >= start))
        {
            o.Error("previous", $"{late:yyyy-MM-dd} is not before the start {start:yyyy-MM-dd}");
        }

        var sessions = o.Integer("sessions", 1, MaxSessions);
        var device = o.Object("device", DeviceSpec.Read);
        var overrideReason = o.OverrideReason(2000);

        return setting is { } s && indication is { } i && start is { } d
            ? new ScheduleRequest(s, i, d, previous.Order().ToList(), sessions, device, overrideReason)
            : null;
    });
}

public sealed record ScheduledSession(int Number, DateOnly Date);

/// <param name="Session">The session it follows or precedes.</param>
public sealed record FollowUp(string Kind, int Session, DateOnly Date, string Message, IReadOnlyList<string> Sources);

/// <summary>Why a proposed date is refused and the earliest date that is allowed (inclusive).</summary>
public sealed record Refusal(string Rule, DateOnly NotBefore, string Message, IReadOnlyList<string> Sources);

/// <summary>The answer of <c>stratum schedule</c>. When refused without an override, no session is scheduled.</summary>
public sealed record Schedule(
    bool Allowed,
    Refusal? Refusal,
    string? OverrideReason,
    IReadOnlyList<ScheduledSession> Sessions,
    IReadOnlyList<FollowUp> FollowUps,
    CountRange IntervalDays,
    string KnowledgeVersion);

/// <summary>Session dates that honour the minimum healing interval, and the follow-up contacts around them.</summary>
public sealed class Scheduler(KnowledgeBase knowledge)
{
    /// <summary>The screening rule the scheduler enforces; its message and sources explain a refusal.</summary>
    public const string IntervalRule = "CI-INTERVAL";

    public Schedule Schedule(ScheduleRequest request)
    {
        var planning = knowledge.Planning;
        var minimum = planning.MinimumIntervalDays(request.Setting, request.Indication, request.Device?.NeedleLengthMm);
        var interval = planning.IntervalDays(request.Setting, request.Indication, request.Device?.NeedleLengthMm);

        Refusal? refusal = null;
        if (request.Previous.Count > 0 && request.Previous[^1].AddDays(minimum) is var earliest && request.Start < earliest)
        {
            var rule = knowledge.ScreeningRules.First(r => r.Code == IntervalRule);
            refusal = new Refusal(rule.Code, earliest, rule.Message, rule.Sources);
        }

        var allowed = refusal is null || request.OverrideReason is not null;
        var course = planning.CourseFor(request.Indication);
        var count = request.Sessions ?? Math.Max(1, course.Sessions.Min - request.Previous.Count);
        var sessions = allowed
            ? Enumerable.Range(0, count).Select(i => new ScheduledSession(request.Previous.Count + i + 1, request.Start.AddDays(checked(i * minimum)))).ToList()
            : [];

        return new Schedule(allowed, refusal, refusal is null ? null : request.OverrideReason, sessions, FollowUps(sessions), interval, knowledge.Version);
    }

    private List<FollowUp> FollowUps(List<ScheduledSession> sessions)
    {
        var followUps = new List<FollowUp>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            foreach (var rule in knowledge.Planning.FollowUps)
            {
                var anchor = rule.Anchor switch
                {
                    "session" => session,
                    "next-session" when i + 1 < sessions.Count => sessions[i + 1],
                    "last-session" when i == sessions.Count - 1 => session,
                    _ => null,
                };
                if (anchor is not null)
                {
                    followUps.Add(new FollowUp(rule.Kind, anchor.Number, anchor.Date.AddDays(rule.OffsetDays), rule.Message, rule.Sources));
                }
            }
        }

        return followUps.OrderBy(f => f.Date).ThenBy(f => f.Session).ToList();
    }
}
