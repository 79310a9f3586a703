using Stratum.Core.Knowledge;
using Stratum.Core.Planning;
using Stratum.Core.Records;
using Stratum.Core.Scheduling;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Scheduling;

/// <summary>Booking applies the session gates ahead of time (DESIGN §5): a visit the session rules would refuse on the day is refused when booked.</summary>
public sealed class BookingRuleTests
{
    private static readonly DateOnly Day = new(2026, 12, 20);
    private static readonly Intake Intake = new(Setting.Clinic, Day.AddDays(-10), Age: 35, Fitzpatrick: 3, Indication: Indication.AcneScars, Zones: [Zone.Cheeks]);
    private static readonly BookingRules Rules = new(KnowledgeBase.Default);
    private static readonly int Minimum = KnowledgeBase.Default.Planning.MinimumIntervalDays(Setting.Clinic, Indication.AcneScars, null);

    private static BookingCheck Good() => new(Day, Treatment: true, Indication.AcneScars, new LastScreening(Day.AddDays(-10), Verdict.Proceed, null, Intake), [Day.AddDays(-60)], [], new ConsentOnFile("v1", "v1"));

    private static string[] Refused(BookingCheck check) => [.. Rules.Check(check).Refusals.Select(r => r.Rule)];

    [Fact]
    public void A_screened_consented_patient_well_after_the_last_session_is_booked_without_refusal_or_warning()
    {
        var decision = Rules.Check(Good());
        decision.Refusals.ShouldBeEmpty();
        decision.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_treatment_inside_the_healing_interval_of_the_last_session_is_refused_until_the_interval_has_passed()
    {
        var last = Day.AddDays(-(Minimum - 1));
        var refusal = Rules.Check(Good() with { PreviousSessions = [last] }).Refusals.ShouldHaveSingleItem();
        refusal.Rule.ShouldBe("CI-INTERVAL");
        refusal.NotBefore.ShouldBe(last.AddDays(Minimum));
        refusal.Message.ShouldContain(last.ToString("yyyy-MM-dd"));
        refusal.Sources.ShouldNotBeEmpty();

        Refused(Good() with { PreviousSessions = [Day.AddDays(-Minimum)] }).ShouldBeEmpty("on the day the interval ends the booking passes");
    }

    [Fact]
    public void Another_booked_treatment_closer_than_the_interval_on_either_side_refuses_the_booking()
    {
        Refused(Good() with { OtherTreatments = [Day.AddDays(Minimum - 1)] }).ShouldBe(["CI-INTERVAL"]);
        Refused(Good() with { OtherTreatments = [Day.AddDays(-(Minimum - 1))] }).ShouldBe(["CI-INTERVAL"]);
        Refused(Good() with { OtherTreatments = [Day.AddDays(Minimum)] }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Verdict.Refer)]
    [InlineData(Verdict.Decline)]
    public void A_latest_screening_that_refers_or_declines_refuses_a_treatment_booking(Verdict verdict)
    {
        var check = Good() with { Screening = Good().Screening! with { Verdict = verdict } };
        Refused(check).ShouldBe(["AP-SCREENING-VERDICT"]);
    }

    [Fact]
    public void A_deferral_refuses_a_booking_before_its_earliest_date_and_allows_one_on_or_after_it()
    {
        var notBefore = Day.AddDays(5);
        var deferred = Good() with { Screening = Good().Screening! with { Verdict = Verdict.Defer, NotBefore = notBefore } };
        Rules.Check(deferred).Refusals.ShouldHaveSingleItem().NotBefore.ShouldBe(notBefore);
        Refused(deferred with { Date = notBefore }).ShouldNotContain("AP-SCREENING-VERDICT");
    }

    [Fact]
    public void A_deferral_without_an_earliest_date_refuses_every_booking_since_nobody_knows_when_it_resolves()
    {
        var deferred = Good() with { Screening = Good().Screening! with { Verdict = Verdict.Defer, NotBefore = null } };
        Refused(deferred with { Date = Day.AddDays(300) }).ShouldContain("AP-SCREENING-VERDICT");
    }

    [Fact]
    public void No_screening_that_will_count_on_the_day_or_no_consent_is_a_warning_not_a_refusal()
    {
        var decision = Rules.Check(Good() with { Screening = null, Consent = new ConsentOnFile(null, "v1") });
        decision.Refusals.ShouldBeEmpty();
        decision.Warnings.Select(w => w.Rule).ShouldBe(["AP-NO-SCREENING", "AP-NO-CONSENT"]);
        Rules.Check(Good() with { Consent = new ConsentOnFile("v0", "v1") }).Warnings.Select(w => w.Rule).ShouldBe(["AP-NO-CONSENT"], "consent to an earlier form is signed again at the visit");

        var old = Good() with { Screening = Good().Screening! with { Date = Day.AddDays(-(KnowledgeBase.Default.Records.ScreeningValidDays + 1)) } };
        Rules.Check(old).Warnings.Select(w => w.Rule).ShouldBe(["AP-NO-SCREENING"], "a screening too old to count on the day is screened again at the visit");
    }

    [Fact]
    public void A_consultation_is_booked_whatever_the_screening_and_interval_say()
    {
        var consultation = Good() with { Treatment = false, Indication = null, PreviousSessions = [Day.AddDays(-1)], Screening = Good().Screening! with { Verdict = Verdict.Decline } };
        var decision = Rules.Check(consultation);
        decision.Refusals.ShouldBeEmpty();
        decision.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_busy_clinician_finding_names_the_time_already_booked()
    {
        var start = new DateTimeOffset(2026, 12, 20, 14, 0, 0, TimeSpan.Zero);
        var busy = Rules.Busy(start, start.AddMinutes(45));
        busy.Rule.ShouldBe("AP-CLINICIAN-BUSY");
        busy.Message.ShouldContain("2026-12-20 14:00 to 14:45");
    }
}
