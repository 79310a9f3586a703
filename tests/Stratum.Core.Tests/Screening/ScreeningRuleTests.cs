using Stratum.Core.Knowledge;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Screening;

/// <summary>Every screening rule fires where clinical-rules.md §1 says it does, and a near miss does not fire it.</summary>
public sealed class ScreeningRuleTests
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>rule, intake fields, verdict in the clinic, verdict at home ("none" = the rule must not fire).</summary>
    public static readonly TheoryData<string, string, string, string> Cases = new()
    {
        { "CI-ACTIVE-ACNE", """ "conditions":[{"code":"active-acne","status":"active"}] """, "defer", "defer" },
        { "CI-ACTIVE-ACNE", """ "conditions":[{"code":"active-acne","status":"history"}] """, "none", "none" },
        { "CI-ROSACEA", """ "conditions":[{"code":"rosacea","status":"active"}] """, "defer", "refer" },
        { "CI-ROSACEA", """ "conditions":[{"code":"rosacea","status":"controlled"}] """, "none", "none" },
        { "CI-ROSACEA-CONTROLLED", """ "conditions":[{"code":"rosacea","status":"controlled"}] """, "caution", "refer" },
        { "CI-ROSACEA-CONTROLLED", """ "conditions":[{"code":"rosacea","status":"history"}] """, "caution", "refer" },
        { "CI-ROSACEA-CONTROLLED", """ "conditions":[{"code":"rosacea","status":"active"}] """, "none", "none" },
        { "CI-SENSITIVITY", """ "conditions":[{"code":"skin-sensitivity","status":"controlled"}] """, "caution", "caution" },
        { "CI-SENSITIVITY", """ "conditions":[{"code":"skin-sensitivity","status":"history"}] """, "none", "none" },
        { "CI-ECZEMA", """ "conditions":[{"code":"eczema","status":"active"}] """, "defer", "refer" },
        { "CI-ECZEMA", """ "conditions":[{"code":"eczema","status":"controlled"}] """, "none", "none" },
        { "CI-PSORIASIS", """ "conditions":[{"code":"psoriasis","status":"active"}] """, "defer", "refer" },
        { "CI-PSORIASIS", """ "conditions":[{"code":"psoriasis","status":"history"}] """, "none", "none" },
        { "CI-DERMATITIS", """ "conditions":[{"code":"dermatitis","status":"active"}] """, "defer", "refer" },
        { "CI-DERMATITIS", """ "conditions":[{"code":"dermatitis","status":"controlled"}] """, "none", "none" },
        { "CI-ECZEMA-CONTROLLED", """ "conditions":[{"code":"eczema","status":"controlled"}] """, "caution", "refer" },
        { "CI-ECZEMA-CONTROLLED", """ "conditions":[{"code":"eczema","status":"history"}] """, "none", "none" },
        { "CI-PSORIASIS-CONTROLLED", """ "conditions":[{"code":"psoriasis","status":"controlled"}] """, "caution", "refer" },
        { "CI-PSORIASIS-CONTROLLED", """ "conditions":[{"code":"psoriasis","status":"history"}] """, "none", "none" },
        { "CI-DERMATITIS-CONTROLLED", """ "conditions":[{"code":"dermatitis","status":"controlled"}] """, "caution", "refer" },
        { "CI-DERMATITIS-CONTROLLED", """ "conditions":[{"code":"dermatitis","status":"active"}] """, "none", "none" },
        { "CI-INFECTION", """ "conditions":[{"code":"skin-infection","status":"active"}] """, "defer", "defer" },
        { "CI-INFECTION", """ "conditions":[{"code":"warts","status":"active"}] """, "defer", "defer" },
        { "CI-INFECTION", """ "conditions":[{"code":"warts","status":"history"}] """, "none", "none" },
        { "CI-HSV-ACTIVE", """ "conditions":[{"code":"herpes-labialis","status":"active"}] """, "defer", "defer" },
        { "CI-HSV-ACTIVE", """ "conditions":[{"code":"herpes-labialis","status":"history"}] """, "none", "none" },
        { "CI-HSV-HISTORY", """ "conditions":[{"code":"herpes-labialis","status":"history"}] """, "caution", "caution" },
        { "CI-HSV-HISTORY", """ "conditions":[{"code":"herpes-labialis","status":"active"}] """, "none", "none" },
        { "CI-KELOID", """ "conditions":[{"code":"keloid-tendency","status":"history"}] """, "refer", "decline" },
        { "CI-KELOID", """ "conditions":[{"code":"active-acne","status":"history"}] """, "none", "none" },
        { "CI-SKIN-CANCER", """ "conditions":[{"code":"skin-cancer","status":"active"}] """, "decline", "decline" },
        { "CI-SKIN-CANCER", """ "conditions":[{"code":"skin-cancer","status":"history"}] """, "none", "none" },
        { "CI-SKIN-CANCER-HISTORY", """ "conditions":[{"code":"skin-cancer","status":"history"}] """, "caution", "refer" },
        { "CI-SKIN-CANCER-HISTORY", """ "conditions":[{"code":"skin-cancer","status":"active"}] """, "none", "none" },
        { "CI-OPEN-WOUND", """ "conditions":[{"code":"open-wound","status":"active"}] """, "defer", "defer" },
        { "CI-OPEN-WOUND", """ "conditions":[{"code":"sunburn","status":"active"}] """, "defer", "defer" },
        { "CI-OPEN-WOUND", """ "conditions":[{"code":"sunburn","status":"history"}] """, "none", "none" },
        { "CI-BLEEDING", """ "conditions":[{"code":"bleeding-disorder","status":"controlled"}] """, "refer", "decline" },
        { "CI-BLEEDING", """ "conditions":[{"code":"diabetes","status":"controlled"}] """, "none", "none" },
        { "CI-ANTICOAGULANT", """ "medications":[{"code":"anticoagulant"}] """, "caution", "refer" },
        { "CI-ANTICOAGULANT", """ "medications":[{"code":"antiplatelet","lastDose":"2026-11-19"}] """, "caution", "refer" },
        { "CI-ANTICOAGULANT", """ "medications":[{"code":"antiplatelet","lastDose":"2026-11-18"}] """, "none", "none" },
        { "CI-IMMUNOSUPPRESSION", """ "conditions":[{"code":"immunosuppression","status":"controlled"}] """, "caution", "refer" },
        { "CI-IMMUNOSUPPRESSION", """ "medications":[{"code":"systemic-steroid","lastDose":"2026-11-20"}] """, "caution", "refer" },
        { "CI-IMMUNOSUPPRESSION", """ "medications":[{"code":"immunosuppressant"}] """, "caution", "refer" },
        { "CI-IMMUNOSUPPRESSION", """ "conditions":[{"code":"immunosuppression","status":"history"}], "medications":[{"code":"systemic-steroid","lastDose":"2026-11-18"}] """, "none", "none" },
        { "CI-DIABETES", """ "conditions":[{"code":"diabetes","status":"history"}] """, "caution", "caution" },
        { "CI-DIABETES", """ "conditions":[{"code":"vitiligo","status":"history"}] """, "none", "none" },
        { "CI-CVD", """ "conditions":[{"code":"collagen-vascular-disease","status":"controlled"}] """, "refer", "decline" },
        { "CI-CVD", """ "conditions":[{"code":"diabetes","status":"active"}] """, "none", "none" },
        { "CI-VITILIGO", """ "conditions":[{"code":"vitiligo","status":"active"}] """, "refer", "decline" },
        { "CI-VITILIGO", """ "conditions":[{"code":"vitiligo","status":"controlled"}] """, "none", "none" },
        { "CI-PREGNANCY", """ "conditions":[{"code":"pregnancy","status":"active"}] """, "defer", "defer" },
        { "CI-PREGNANCY", """ "conditions":[{"code":"breastfeeding","status":"active"}] """, "defer", "defer" },
        { "CI-PREGNANCY", """ "conditions":[{"code":"pregnancy","status":"history"}] """, "none", "none" },
        { "CI-ISOTRETINOIN", """ "medications":[{"code":"isotretinoin"}] """, "defer", "defer" },
        { "CI-ISOTRETINOIN", """ "medications":[{"code":"isotretinoin","lastDose":"2026-05-26"}] """, "defer", "defer" },
        { "CI-ISOTRETINOIN", """ "medications":[{"code":"isotretinoin","lastDose":"2026-05-25"}] """, "none", "none" },
        { "CI-TOPICAL-RETINOID", """ "medications":[{"code":"topical-retinoid","lastDose":"2026-11-19"}] """, "defer", "defer" },
        { "CI-TOPICAL-RETINOID", """ "medications":[{"code":"topical-retinoid","lastDose":"2026-11-18"}] """, "none", "none" },
        { "CI-RETINOL", """ "medications":[{"code":"retinol","lastDose":"2026-11-23"}] """, "defer", "defer" },
        { "CI-RETINOL", """ "medications":[{"code":"retinol","lastDose":"2026-11-22"}] """, "none", "none" },
        { "CI-ALLERGY-METAL", """ "allergies":["nickel"] """, "decline", "decline" },
        { "CI-ALLERGY-METAL", """ "allergies":["stainless-steel"] """, "decline", "decline" },
        { "CI-ALLERGY-METAL", """ "allergies":["topical-anesthetic"] """, "none", "none" },
        { "CI-ALLERGY-ANESTHETIC", """ "allergies":["topical-anesthetic"] """, "caution", "none" },
        { "CI-ALLERGY-ANESTHETIC", """ "allergies":["nickel"] """, "none", "none" },
        { "CI-PHOTOTYPE", """ "fitzpatrick":4 """, "caution", "caution" },
        { "CI-PHOTOTYPE", """ "fitzpatrick":3 """, "none", "none" },
        { "CI-AGE", """ "age":17 """, "refer", "decline" },
        { "CI-AGE", """ "age":18 """, "none", "none" },
        { "CI-RECENT-PROCEDURE", """ "procedures":[{"code":"chemical-peel","date":"2026-11-12"}] """, "defer", "defer" },
        { "CI-RECENT-PROCEDURE", """ "procedures":[{"code":"botulinum-toxin","date":"2026-11-11"}] """, "none", "none" },
        { "CI-INTERVAL", """ "indication":"acne-scars", "device":{"needleLengthMm":0.25}, "procedures":[{"code":"microneedling","date":"2026-11-23"}] """, "defer", "defer" },
        { "CI-INTERVAL", """ "indication":"acne-scars", "device":{"needleLengthMm":0.25}, "procedures":[{"code":"microneedling","date":"2026-11-22"}] """, "defer", "none" },
        { "CI-INTERVAL", """ "indication":"acne-scars", "procedures":[{"code":"microneedling","date":"2026-10-28"}] """, "none", "none" },
        { "CI-HOME-DEPTH", """ "device":{"needleLengthMm":0.75} """, "none", "decline" },
        { "CI-HOME-DEPTH", """ "device":{"needleLengthMm":0.5} """, "none", "none" },
        { "CI-DEVICE-STERILITY", """ "device":{"sterile":false,"singleUse":true} """, "decline", "caution" },
        { "CI-DEVICE-STERILITY", """ "device":{"sterile":true,"singleUse":false} """, "decline", "caution" },
        { "CI-DEVICE-STERILITY", """ "device":{"sterile":true,"singleUse":true} """, "none", "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_fires_with_its_verdict_in_each_setting_and_not_on_a_near_miss(string rule, string fields, string clinic, string home)
    {
        Verdict(rule, Screen("clinic", fields)).ShouldBe(clinic, $"clinic: {fields}");
        Verdict(rule, Screen("home", fields)).ShouldBe(home, $"home: {fields}");
    }

    [Fact]
    public void Every_screening_rule_has_a_case_that_fires_it()
    {
        var fired = Cases.Where(c => c.Data.Item3 != "none" || c.Data.Item4 != "none").Select(c => c.Data.Item1).ToHashSet();
        KnowledgeBase.Default.ScreeningRules.Select(r => r.Code).Where(code => !fired.Contains(code)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_screening_rule_has_a_near_miss_that_does_not_fire_it()
    {
        var missed = Cases.Where(c => c.Data.Item3 == "none" && c.Data.Item4 == "none").Select(c => c.Data.Item1).ToHashSet();
        KnowledgeBase.Default.ScreeningRules.Select(r => r.Code).Where(code => !missed.Contains(code)).ShouldBeEmpty();
    }

    internal static ScreeningResult Screen(string setting, string fields)
    {
        var json = $$"""{"setting":"{{setting}}","date":"2026-11-25",{{fields}}}""";
        return new Screener(KnowledgeBase.Default).Screen(Intake.Parse(json, Today, KnowledgeBase.Default).Value);
    }

    private static string Verdict(string rule, ScreeningResult result) =>
        result.Findings.SingleOrDefault(f => f.Rule == rule) is { } finding ? Codes.Of(finding.Verdict) : "none";
}
