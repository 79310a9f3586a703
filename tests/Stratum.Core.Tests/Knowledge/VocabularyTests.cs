using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Knowledge;

public sealed class VocabularyTests
{
    [Fact]
    public void Codes_are_the_design_vocabulary_in_kebab_case()
    {
        Codes.All<Condition>().ShouldContain("collagen-vascular-disease");
        Codes.All<Symptom>().ShouldContain("difficulty-breathing");
        Codes.All<Urgency>().ShouldBe(["expected", "monitor", "contact-clinic", "urgent-care", "emergency"]);
        Codes.All<Verdict>().ShouldBe(["proceed", "caution", "defer", "refer", "decline"]);
        Codes.All<Zone>().Count.ShouldBe(16);
        Codes.All<Indication>().Count.ShouldBe(10);
    }

    [Fact]
    public void Every_code_of_every_vocabulary_round_trips()
    {
        RoundTrips<Setting>(); RoundTrips<Zone>(); RoundTrips<Indication>(); RoundTrips<Condition>(); RoundTrips<ConditionStatus>();
        RoundTrips<Medication>(); RoundTrips<Allergy>(); RoundTrips<Procedure>(); RoundTrips<Verdict>(); RoundTrips<Urgency>();
        RoundTrips<Symptom>(); RoundTrips<Trend>(); RoundTrips<Severity>(); RoundTrips<Mechanism>(); RoundTrips<DeviceVerdict>();
        RoundTrips<DeviceProperty>(); RoundTrips<SourceStatus>();
    }

    private static void RoundTrips<T>() where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            Codes.TryParse<T>(Codes.Of(value), out var back).ShouldBeTrue();
            back.ShouldBe(value);
        }

        Codes.TryParse<T>("Not-A-Code", out _).ShouldBeFalse();
    }
}
