using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;
using static Stratum.Core.Tests.Screening.ScreeningRuleTests;

namespace Stratum.Core.Tests.Screening;

public sealed class ScreeningDateTests
{
    [Fact]
    public void Isotretinoin_within_six_months_defers_until_six_months_after_last_dose()
    {
        var result = Screen("clinic", """ "medications":[{"code":"isotretinoin","lastDose":"2026-08-01"}] """);
        result.Verdict.ShouldBe(Verdict.Defer);
        result.NotBefore.ShouldBe(new DateOnly(2027, 2, 1));
        result.Findings.Single().NotBefore.ShouldBe(new DateOnly(2027, 2, 1));
    }

    [Fact]
    public void Isotretinoin_last_dose_exactly_six_months_ago_gives_no_finding()
    {
        var result = Screen("clinic", """ "medications":[{"code":"isotretinoin","lastDose":"2026-05-25"}] """);
        result.Verdict.ShouldBe(Verdict.Proceed);
        result.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Isotretinoin_months_use_calendar_month_arithmetic_at_the_end_of_a_month()
    {
        var result = new Screener(Stratum.Core.Knowledge.KnowledgeBase.Default).Screen(Intake.Parse(
            """{"setting":"clinic","date":"2027-02-27","medications":[{"code":"isotretinoin","lastDose":"2026-08-31"}]}""", Today, Stratum.Core.Knowledge.KnowledgeBase.Default).Value);
        result.NotBefore.ShouldBe(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void Isotretinoin_still_taken_defers_without_a_date_and_says_to_stop_first()
    {
        var result = Screen("home", """ "medications":[{"code":"isotretinoin"}] """);
        result.Verdict.ShouldBe(Verdict.Defer);
        result.NotBefore.ShouldBeNull();
        result.Findings.Single().Message.ShouldContain("stop it first, and if a doctor prescribed it, only with their agreement");
        result.Summary.ShouldBe("Not now: screen again when this is no longer the case: isotretinoin.");
    }

    [Fact]
    public void A_summary_names_what_must_settle_in_plain_words_never_by_rule_code()
    {
        var result = Screen("clinic", """ "conditions":[{"code":"active-acne","status":"active"},{"code":"herpes-labialis","status":"active"}] """);

        result.Summary.ShouldBe("Not now: screen again when this is no longer the case: active acne and the cold sore.");
        result.Summary.ShouldNotContain("CI-");
    }

    [Fact]
    public void Top_level_not_before_is_the_latest_dated_defer()
    {
        var result = Screen("clinic", """ "medications":[{"code":"retinol","lastDose":"2026-11-24"},{"code":"topical-retinoid","lastDose":"2026-11-20"}] """);
        result.Findings.Select(f => f.NotBefore).ShouldBe([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27)], ignoreOrder: true);
        var longer = Screen("clinic", """ "medications":[{"code":"retinol","lastDose":"2026-11-24"},{"code":"topical-retinoid","lastDose":"2026-11-24"}] """);
        longer.NotBefore.ShouldBe(new DateOnly(2026, 12, 1));
    }

    [Fact]
    public void Dated_and_undated_defers_give_the_dated_date_and_name_what_must_resolve_first()
    {
        var result = Screen("clinic", """ "conditions":[{"code":"active-acne","status":"active"}], "medications":[{"code":"retinol","lastDose":"2026-11-24"}] """);
        result.Verdict.ShouldBe(Verdict.Defer);
        result.NotBefore.ShouldBe(new DateOnly(2026, 11, 27));
        result.Summary.ShouldBe("Not before 2026-11-27, and not while this is still the case: active acne. Screen again then.");
    }

    [Fact]
    public void Refer_verdict_has_no_top_level_date_but_findings_keep_theirs()
    {
        var result = Screen("clinic", """ "conditions":[{"code":"keloid-tendency","status":"history"}], "medications":[{"code":"retinol","lastDose":"2026-11-24"}] """);
        result.Verdict.ShouldBe(Verdict.Refer);
        result.NotBefore.ShouldBeNull();
        result.Findings.Single(f => f.Rule == "CI-RETINOL").NotBefore.ShouldBe(new DateOnly(2026, 11, 27));
    }

    [Fact]
    public void Clinic_interval_follows_the_indication_course()
    {
        var alopecia = Screen("clinic", """ "indication":"alopecia", "procedures":[{"code":"microneedling","date":"2026-11-20"}] """);
        alopecia.NotBefore.ShouldBe(new DateOnly(2026, 11, 27));
        var rejuvenation = Screen("clinic", """ "indication":"rejuvenation", "procedures":[{"code":"microneedling","date":"2026-11-20"}] """);
        rejuvenation.NotBefore.ShouldBe(new DateOnly(2027, 1, 15));
    }

    [Theory]
    [InlineData(""" "device":{"needleLengthMm":0.3} """, "2026-11-24")]
    [InlineData(""" "device":{"needleLengthMm":0.5} """, "2026-11-28")]
    [InlineData("", "2026-11-28")]
    public void Home_interval_depends_only_on_needle_length(string device, string notBefore)
    {
        var fields = """ "indication":"alopecia", "procedures":[{"code":"microneedling","date":"2026-11-21"}] """ + (device.Length > 0 ? "," + device : "");
        var result = Screen("home", fields);
        var expected = DateOnly.Parse(notBefore, System.Globalization.CultureInfo.InvariantCulture);
        if (expected <= Today)
        {
            result.Findings.ShouldNotContain(f => f.Rule == "CI-INTERVAL");
        }
        else
        {
            result.Findings.Single(f => f.Rule == "CI-INTERVAL").NotBefore.ShouldBe(expected);
        }
    }

    [Fact]
    public void The_latest_of_several_previous_sessions_decides_the_interval()
    {
        var result = Screen("clinic", """ "indication":"acne-scars", "procedures":[{"code":"microneedling","date":"2026-09-01"},{"code":"microneedling","date":"2026-11-10"}] """);
        result.NotBefore.ShouldBe(new DateOnly(2026, 12, 8));
    }

    [Fact]
    public void No_finding_proceeds_with_no_date()
    {
        var result = Screen("clinic", """ "age":34, "fitzpatrick":2 """);
        result.Verdict.ShouldBe(Verdict.Proceed);
        result.NotBefore.ShouldBeNull();
        result.KnowledgeVersion.ShouldBe(Stratum.Core.Knowledge.KnowledgeBase.Default.Version);
    }
}
