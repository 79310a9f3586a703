using Stratum.Core.Knowledge;
using Stratum.Core.Records;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Records;

/// <summary>Each rule the server applies before recording a session fires where it should and not one day earlier.</summary>
public sealed class SessionRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Intake Intake = new(Setting.Clinic, Today.AddDays(-3), Age: 35, Fitzpatrick: 3, Indication: Indication.AcneScars, Zones: [Zone.Cheeks]);
    private static readonly SessionRules Rules = new(KnowledgeBase.Default);

    private static SessionCheck Good() => new(
        Today,
        Indication.AcneScars,
        [new SessionZone(Zone.Cheeks, 1.5m, 3)],
        new LastScreening(Today.AddDays(-3), Verdict.Proceed, null, Intake),
        [Today.AddDays(-60)],
        new LotState("LOT-1", Today.AddDays(200)),
        new ConsentOnFile("v2", "v2"));

    private static string[] Codes(SessionCheck check) => [.. Rules.Check(check).Select(r => r.Rule)];

    [Fact]
    public void A_screened_consented_patient_with_a_good_lot_and_depth_is_not_refused()
    {
        Rules.Check(Good()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void A_screening_older_than_thirty_days_does_not_count(int daysAgo, bool refused)
    {
        var check = Good() with { Screening = Good().Screening! with { Date = Today.AddDays(-daysAgo) } };
        Codes(check).Contains("SE-NO-SCREENING").ShouldBe(refused);
    }

    [Fact]
    public void No_screening_at_all_is_refused()
    {
        Codes(Good() with { Screening = null }).ShouldContain("SE-NO-SCREENING");
    }

    [Theory]
    [InlineData(Verdict.Defer, true)]
    [InlineData(Verdict.Refer, true)]
    [InlineData(Verdict.Decline, true)]
    [InlineData(Verdict.Caution, false)]
    public void A_screening_that_does_not_allow_treatment_refuses_the_session(Verdict verdict, bool refused)
    {
        var check = Good() with { Screening = Good().Screening! with { Verdict = verdict, NotBefore = verdict == Verdict.Defer ? Today.AddDays(10) : null } };
        var refusal = Rules.Check(check).SingleOrDefault(r => r.Rule == "SE-SCREENING-VERDICT");
        (refusal is not null).ShouldBe(refused);
        if (verdict == Verdict.Defer)
        {
            refusal!.NotBefore.ShouldBe(Today.AddDays(10));
        }
    }

    [Fact]
    public void Too_short_an_interval_is_refused_with_the_earliest_date()
    {
        var refusal = Rules.Check(Good() with { PreviousSessions = [Today.AddDays(-20)] }).ShouldHaveSingleItem();
        refusal.Rule.ShouldBe("SE-INTERVAL");
        refusal.NotBefore.ShouldBe(Today.AddDays(-20).AddDays(KnowledgeBase.Default.Planning.Courses.First(c => c.Indications.Contains(Indication.AcneScars)).IntervalDays.Min));
    }

    [Fact]
    public void A_depth_beyond_the_plan_is_refused_naming_the_zone()
    {
        var refusal = Rules.Check(Good() with { Zones = [new SessionZone(Zone.Cheeks, 2.4m, 3)] }).ShouldHaveSingleItem();
        refusal.Rule.ShouldBe("SE-ENVELOPE");
        refusal.Message.ShouldContain("cheeks (2.4 mm)");
    }

    [Fact]
    public void An_expired_or_recalled_lot_is_refused()
    {
        Codes(Good() with { Lot = new LotState("LOT-1", Today.AddDays(-1)) }).ShouldBe(["SE-LOT-EXPIRED"]);
        Codes(Good() with { Lot = new LotState("LOT-1", Today) }).ShouldBeEmpty();
        Codes(Good() with { Lot = new LotState("LOT-1", Today.AddDays(9), DateTimeOffset.UnixEpoch, "sterility breach") }).ShouldBe(["SE-LOT-RECALLED"]);
    }

    [Fact]
    public void A_lot_the_clinic_never_registered_is_refused_naming_it()
    {
        var refusal = Rules.Check(Good() with { Lot = new LotState("LOT-X", Today.AddDays(90), Registered: false) }).ShouldHaveSingleItem();
        refusal.Rule.ShouldBe("SE-LOT-UNKNOWN");
        refusal.Message.ShouldContain("LOT-X is not registered");
    }

    [Fact]
    public void Missing_consent_is_refused_naming_the_form_to_sign()
    {
        var refusal = Rules.Check(Good() with { Consent = new ConsentOnFile(null, "v2") }).ShouldHaveSingleItem();
        refusal.Rule.ShouldBe("SE-NO-CONSENT");
        refusal.Message.ShouldContain("(v2)");
    }

    [Fact]
    public void Consent_to_an_earlier_version_of_the_form_is_refused_until_the_current_one_is_signed()
    {
        var refusal = Rules.Check(Good() with { Consent = new ConsentOnFile("v1", "v2") }).ShouldHaveSingleItem();
        refusal.Rule.ShouldBe("SE-CONSENT-OUTDATED");
        refusal.Message.ShouldContain("signed consent form v1");
        refusal.Message.ShouldContain("current form is v2");
    }

    [Fact]
    public void Every_refusal_has_sources_that_exist()
    {
        var all = Rules.Check(Good() with { Screening = null, Consent = new ConsentOnFile("v1", "v2"), Lot = new LotState("L", Today.AddDays(-5), DateTimeOffset.UnixEpoch) });
        all.ShouldAllBe(r => r.Sources.Count > 0 && r.Sources.All(s => KnowledgeBase.Default.FindSource(s) != null));
    }
}

public sealed class SafetySignalTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    private static AdverseEventFacts Event(int day, Symptom symptom, string lot, string op = "op-1") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Day.AddDays(day), [symptom], lot, "SkinPen Precision", op);

    [Fact]
    public void Two_infections_within_21_days_on_one_lot_are_a_signal()
    {
        var signals = new SafetySignals(KnowledgeBase.Default).Find([Event(0, Symptom.Pus, "LOT-A", "op-1"), Event(21, Symptom.SpreadingRedness, "LOT-A", "op-2")]);

        signals.ShouldContain(s => s.Kind == "infection" && s.SharedBy == "lot" && s.Value == "LOT-A" && s.Events.Count == 2);
    }

    [Fact]
    public void Events_22_days_apart_or_of_another_kind_are_not_a_signal()
    {
        var finder = new SafetySignals(KnowledgeBase.Default);
        finder.Find([Event(0, Symptom.Pus, "LOT-A", "op-1"), Event(22, Symptom.Pus, "LOT-A", "op-2")]).Where(s => s.SharedBy == "lot").ShouldBeEmpty();
        finder.Find([Event(0, Symptom.Erythema, "LOT-A"), Event(1, Symptom.Erythema, "LOT-A")]).ShouldBeEmpty();
    }

    [Fact]
    public void Granulomas_sharing_an_operator_are_a_signal()
    {
        var signals = new SafetySignals(KnowledgeBase.Default).Find([Event(0, Symptom.Nodules, "LOT-A", "op-9"), Event(5, Symptom.Nodules, "LOT-B", "op-9")]);

        signals.ShouldContain(s => s.Kind == "granuloma" && s.SharedBy == "operator" && s.Value == "op-9");
        signals.ShouldNotContain(s => s.SharedBy == "lot");
    }
}
