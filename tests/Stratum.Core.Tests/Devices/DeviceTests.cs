using Stratum.Core.Devices;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Devices;

public sealed class DeviceTests
{
    private static DeviceAssessment Assess(string json) => new DeviceAssessor(KnowledgeBase.Default).Assess(DeviceRequest.Parse(json).Value);

    private const string CleanPen = """ "needleLengthMm":1.5,"mechanism":"motorized","sterile":true,"singleUse":true,"fdaCleared":true,"adjustableDepth":true """;

    [Fact]
    public void A_cleared_sterile_single_use_adjustable_pen_is_suitable_in_a_clinic()
    {
        var result = Assess($$"""{"setting":"clinic",{{CleanPen}}}""");
        result.Verdict.ShouldBe(DeviceVerdict.Suitable);
        result.Findings.ShouldBeEmpty();
    }

    /// <summary>rule, setting, device fields, expected verdict of that rule ("none" = must not fire).</summary>
    public static readonly TheoryData<string, string, string, string> Cases = new()
    {
        { "DV-MAX-LENGTH", "clinic", """ "needleLengthMm":3.0 """, "unsuitable" },
        { "DV-MAX-LENGTH", "clinic", """ "needleLengthMm":2.5 """, "none" },
        { "DV-HOME-LENGTH", "home", """ "needleLengthMm":1.0 """, "unsuitable" },
        { "DV-HOME-LENGTH", "home", """ "needleLengthMm":0.5 """, "none" },
        { "DV-HOME-FACE-LENGTH", "home", """ "needleLengthMm":0.5 """, "caution" },
        { "DV-HOME-FACE-LENGTH", "home", """ "needleLengthMm":0.3 """, "none" },
        { "DV-HOME-MOTORIZED", "home", """ "mechanism":"motorized" """, "unsuitable" },
        { "DV-HOME-MOTORIZED", "home", """ "mechanism":"stamp" """, "none" },
        { "DV-ROLLER-CLINIC", "clinic", """ "mechanism":"roller" """, "caution" },
        { "DV-ROLLER-CLINIC", "home", """ "mechanism":"roller" """, "none" },
        { "DV-DEPTH-NOT-EVALUATED", "clinic", """ "needleLengthMm":2.0 """, "caution" },
        { "DV-DEPTH-NOT-EVALUATED", "clinic", """ "needleLengthMm":1.5 """, "none" },
        { "DV-FIXED-DEPTH", "clinic", """ "adjustableDepth":false """, "caution" },
        { "DV-FIXED-DEPTH", "clinic", """ "adjustableDepth":true """, "none" },
        { "DV-NOT-STERILE", "clinic", """ "sterile":false """, "unsuitable" },
        { "DV-NOT-STERILE", "home", """ "sterile":false """, "caution" },
        { "DV-NOT-STERILE", "clinic", """ "sterile":true """, "none" },
        { "DV-REUSED", "clinic", """ "singleUse":false """, "unsuitable" },
        { "DV-REUSED", "clinic", """ "singleUse":true """, "none" },
        { "DV-STERILITY-UNKNOWN", "clinic", """ "sterile":true """, "caution" },
        { "DV-STERILITY-UNKNOWN", "clinic", """ "sterile":true,"singleUse":true """, "none" },
        { "DV-NOT-CLEARED", "home", """ "fdaCleared":false """, "caution" },
        { "DV-NOT-CLEARED", "home", """ "fdaCleared":true """, "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Device_rule_fires_with_its_verdict_and_not_on_a_near_miss(string rule, string setting, string fields, string verdict)
    {
        var result = Assess($$"""{"setting":"{{setting}}",{{fields}}}""");
        (result.Findings.SingleOrDefault(f => f.Rule == rule) is { } f ? Codes.Of(f.Verdict) : "none").ShouldBe(verdict);
    }

    [Fact]
    public void Every_device_rule_has_a_firing_case()
    {
        KnowledgeBase.Default.DeviceRules.Select(r => r.Code).Where(c => !Cases.Any(x => x.Data.Item1 == c && x.Data.Item4 != "none")).ShouldBeEmpty();
    }

    [Fact]
    public void A_long_motorized_pen_is_unsuitable_at_home()
    {
        Assess($$"""{"setting":"home",{{CleanPen}}}""").Verdict.ShouldBe(DeviceVerdict.Unsuitable);
    }
}
