using Stratum.Core.Knowledge;
using Stratum.Core.Scheduling;

namespace Stratum.Core.Tests.Scheduling;

public sealed class SchedulerTests
{
    private static Schedule ScheduleFor(string json) => new Scheduler(KnowledgeBase.Default).Schedule(ScheduleRequest.Parse(json).Value);

    [Fact]
    public void Acne_scar_course_is_three_sessions_twenty_eight_days_apart()
    {
        var schedule = ScheduleFor("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-01"}""");
        schedule.Allowed.ShouldBeTrue();
        schedule.Sessions.Select(s => s.Date).ShouldBe([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 29), new DateOnly(2027, 1, 26)]);
    }

    [Fact]
    public void Each_session_gets_24_and_72_hour_checks_and_a_pre_session_check_before_the_next()
    {
        var schedule = ScheduleFor("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-01","sessions":2}""");
        schedule.FollowUps.Where(f => f.Session == 1).Select(f => (f.Kind, f.Date)).ShouldBe(
        [
            ("check-24h", new DateOnly(2026, 12, 2)),
            ("check-72h", new DateOnly(2026, 12, 4)),
        ]);
        schedule.FollowUps.ShouldContain(f => f.Kind == "pre-session" && f.Session == 2 && f.Date == new DateOnly(2026, 12, 27));
        schedule.FollowUps.ShouldContain(f => f.Kind == "outcome-1-month" && f.Date == new DateOnly(2027, 1, 28));
    }

    [Fact]
    public void A_start_too_soon_after_the_previous_session_is_refused_with_the_earliest_date()
    {
        var schedule = ScheduleFor("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-01","previous":["2026-11-10"]}""");
        schedule.Allowed.ShouldBeFalse();
        schedule.Refusal!.Rule.ShouldBe("CI-INTERVAL");
        schedule.Refusal.NotBefore.ShouldBe(new DateOnly(2026, 12, 8));
        schedule.Sessions.ShouldBeEmpty();
    }

    [Fact]
    public void A_start_on_the_earliest_allowed_date_is_accepted_and_continues_the_numbering()
    {
        var schedule = ScheduleFor("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-08","previous":["2026-11-10"]}""");
        schedule.Allowed.ShouldBeTrue();
        schedule.Sessions.Select(s => s.Number).ShouldBe([2, 3]);
    }

    [Fact]
    public void A_clinician_override_with_a_reason_schedules_anyway_and_keeps_the_refusal_on_record()
    {
        var schedule = ScheduleFor("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-01","previous":["2026-11-10"],"overrideReason":"Trial protocol, 3-week interval"}""");
        schedule.Allowed.ShouldBeTrue();
        schedule.Refusal.ShouldNotBeNull();
        schedule.OverrideReason.ShouldBe("Trial protocol, 3-week interval");
        schedule.Sessions.ShouldNotBeEmpty();
    }

    [Fact]
    public void Home_sessions_with_a_short_roller_are_three_days_apart()
    {
        var schedule = ScheduleFor("""{"setting":"home","indication":"texture","start":"2026-12-01","sessions":3,"device":{"needleLengthMm":0.25}}""");
        schedule.Sessions.Select(s => s.Date.Day).ShouldBe([1, 4, 7]);
    }

    [Fact]
    public void An_empty_override_reason_is_an_input_error()
    {
        ScheduleRequest.Parse("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-01","overrideReason":"  "}""")
            .Errors.Single().Path.ShouldBe("$.overrideReason");
    }
}
