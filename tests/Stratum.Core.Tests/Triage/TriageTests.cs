using Stratum.Core.Knowledge;
using Stratum.Core.Triage;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Triage;

/// <summary>Each triage rule fires where clinical-rules.md §5 says and a near miss does not.</summary>
public sealed class TriageTests
{
    /// <summary>rule, setting, hours, symptoms, expected urgency of that rule ("none" = must not fire).</summary>
    public static readonly TheoryData<string, string, decimal, string, string> Cases = new()
    {
        { "AE-EXPECTED", "clinic", 24, """{"code":"erythema","trend":"stable"}""", "expected" },
        { "AE-EXPECTED", "clinic", 72, """{"code":"edema"}""", "expected" },
        { "AE-EXPECTED", "clinic", 12, """{"code":"burning","severity":"mild"}""", "expected" },
        { "AE-EXPECTED", "clinic", 150, """{"code":"flaking","trend":"improving"}""", "expected" },
        { "AE-EXPECTED", "clinic", 73, """{"code":"edema","trend":"stable"}""", "none" },
        { "AE-EXPECTED", "clinic", 24, """{"code":"erythema","trend":"worsening"}""", "none" },
        { "AE-EXPECTED", "clinic", 12, """{"code":"burning","severity":"moderate"}""", "none" },
        { "AE-PERSISTENT-ERYTHEMA", "clinic", 96, """{"code":"erythema","trend":"stable"}""", "monitor" },
        { "AE-PERSISTENT-ERYTHEMA", "clinic", 169, """{"code":"erythema"}""", "contact-clinic" },
        { "AE-PERSISTENT-ERYTHEMA", "clinic", 96, """{"code":"erythema","trend":"improving"}""", "none" },
        { "AE-PERSISTENT-ERYTHEMA", "clinic", 72, """{"code":"erythema","trend":"stable"}""", "none" },
        { "AE-EARLY-WORSENING", "home", 48, """{"code":"pain","trend":"worsening"}""", "monitor" },
        { "AE-EARLY-WORSENING", "home", 49, """{"code":"pain","trend":"worsening"}""", "none" },
        { "AE-WORSENING", "home", 49, """{"code":"edema","trend":"worsening"}""", "contact-clinic" },
        { "AE-WORSENING", "home", 48, """{"code":"edema","trend":"worsening"}""", "none" },
        { "AE-SEVERE-PAIN", "clinic", 2, """{"code":"burning","severity":"severe"}""", "contact-clinic" },
        { "AE-SEVERE-PAIN", "clinic", 2, """{"code":"pain","severity":"moderate"}""", "none" },
        { "AE-INFECTION", "home", 60, """{"code":"pus"}""", "urgent-care" },
        { "AE-INFECTION", "home", 60, """{"code":"spreading-redness"}""", "urgent-care" },
        { "AE-INFECTION", "home", 60, """{"code":"warmth"},{"code":"erythema","trend":"worsening"}""", "urgent-care" },
        { "AE-INFECTION", "home", 60, """{"code":"warmth"},{"code":"erythema","trend":"stable"}""", "none" },
        { "AE-FEVER", "clinic", 30, """{"code":"fever"}""", "urgent-care" },
        { "AE-FEVER", "clinic", 30, """{"code":"warmth"}""", "none" },
        { "AE-HSV", "clinic", 40, """{"code":"vesicles"}""", "urgent-care" },
        { "AE-HSV", "clinic", 40, """{"code":"papules"}""", "none" },
        { "AE-GRANULOMA", "clinic", 168, """{"code":"nodules"}""", "contact-clinic" },
        { "AE-GRANULOMA", "clinic", 167, """{"code":"papules"}""", "none" },
        { "AE-EARLY-PAPULES", "clinic", 167, """{"code":"papules"}""", "monitor" },
        { "AE-EARLY-PAPULES", "clinic", 168, """{"code":"papules"}""", "none" },
        { "AE-PIGMENT", "clinic", 500, """{"code":"hypopigmentation"}""", "contact-clinic" },
        { "AE-PIGMENT", "clinic", 500, """{"code":"erythema","trend":"improving"}""", "none" },
        { "AE-TRACKS", "home", 24, """{"code":"track-marks"}""", "contact-clinic" },
        { "AE-TRACKS", "home", 24, """{"code":"pinpoint-bleeding"}""", "none" },
        { "AE-ALLERGY", "clinic", 5, """{"code":"hives"}""", "urgent-care" },
        { "AE-ALLERGY", "clinic", 5, """{"code":"itching"}""", "none" },
        { "AE-ANAPHYLAXIS", "clinic", 1, """{"code":"difficulty-breathing"}""", "emergency" },
        { "AE-ANAPHYLAXIS", "clinic", 1, """{"code":"facial-swelling"},{"code":"hives"}""", "emergency" },
        { "AE-ANAPHYLAXIS", "clinic", 1, """{"code":"facial-swelling"}""", "none" },
        { "AE-CRUSTING", "home", 30, """{"code":"crusting"}""", "contact-clinic" },
        { "AE-CRUSTING", "clinic", 30, """{"code":"crusting"}""", "monitor" },
        { "AE-CRUSTING", "clinic", 30, """{"code":"flaking"}""", "none" },
        { "AE-UNCLASSIFIED", "clinic", 100, """{"code":"edema","trend":"stable"}""", "monitor" },
        { "AE-UNCLASSIFIED", "clinic", 10, """{"code":"edema","trend":"stable"}""", "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Triage_rule_fires_with_its_urgency_and_not_on_a_near_miss(string rule, string setting, decimal hours, string symptoms, string urgency)
    {
        var result = TriageOf(setting, hours, symptoms);
        (result.Findings.SingleOrDefault(f => f.Rule == rule) is { } f ? Codes.Of(f.Urgency) : "none").ShouldBe(urgency);
    }

    [Fact]
    public void Every_triage_rule_has_a_firing_case_and_a_near_miss()
    {
        var codes = KnowledgeBase.Default.Triage.Rules.Select(r => r.Code).ToList();
        codes.Where(c => !Cases.Any(x => x.Data.Item1 == c && x.Data.Item5 != "none")).ShouldBeEmpty();
        codes.Where(c => !Cases.Any(x => x.Data.Item1 == c && x.Data.Item5 == "none")).ShouldBeEmpty();
    }

    [Fact]
    public void Urgency_is_the_worst_finding()
    {
        var result = TriageOf("home", 36, """{"code":"erythema","trend":"stable"},{"code":"fever"},{"code":"difficulty-breathing"}""");
        result.Urgency.ShouldBe(Urgency.Emergency);
        result.Findings.Select(f => f.Rule).ShouldBe(["AE-EXPECTED", "AE-FEVER", "AE-ANAPHYLAXIS"]);
    }

    [Fact]
    public void Normal_day_one_redness_is_expected_healing()
    {
        TriageOf("home", 24, """{"code":"erythema","trend":"improving","severity":"mild"},{"code":"dryness"}""").Urgency.ShouldBe(Urgency.Expected);
    }

    private static TriageResult TriageOf(string setting, decimal hours, string symptoms) =>
        new Triager(KnowledgeBase.Default).Triage(TriageRequest.Parse(
            $$"""{"setting":"{{setting}}","hoursSinceTreatment":{{hours.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"symptoms":[{{symptoms}}]}""").Value);
}
