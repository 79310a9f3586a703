using System.Text;
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
    public void Clinic_day_codes_are_spelled_as_the_design_spells_them()
    {
        Codes.All<AppointmentStatus>().ShouldBe(["booked", "arrived", "completed", "cancelled", "no-show"]);
        Codes.All<MessageKind>().ShouldBe(["appointment-reminder", "aftercare-24h", "aftercare-72h", "follow-up"]);
        Codes.All<MessageStatus>().ShouldBe(["pending", "sent", "failed", "not-sendable"]);
        Codes.All<ContactPreference>().ShouldBe(["email", "none"]);
    }

    [Fact]
    public void Every_code_of_every_vocabulary_round_trips()
    {
        RoundTrips<Setting>(); RoundTrips<Zone>(); RoundTrips<Indication>(); RoundTrips<Condition>(); RoundTrips<ConditionStatus>();
        RoundTrips<Medication>(); RoundTrips<Allergy>(); RoundTrips<Procedure>(); RoundTrips<Verdict>(); RoundTrips<Urgency>();
        RoundTrips<Symptom>(); RoundTrips<Trend>(); RoundTrips<Severity>(); RoundTrips<Mechanism>(); RoundTrips<DeviceVerdict>();
        RoundTrips<DeviceProperty>(); RoundTrips<SourceStatus>(); RoundTrips<IngredientClass>(); RoundTrips<AftercareVerdict>();
        RoundTrips<ContactPreference>(); RoundTrips<AppointmentStatus>(); RoundTrips<MessageKind>(); RoundTrips<MessageStatus>();
    }

    private static void RoundTrips<T>() where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var code = Codes.Of(value);
            Codes.TryParse<T>(code, out var back).ShouldBeTrue();
            back.ShouldBe(value);
            Codes.TryParse<T>(Encoding.UTF8.GetBytes(code), out var fromUtf8).ShouldBeTrue();
            fromUtf8.ShouldBe(value);
            Codes.Encoded(value).Value.ShouldBe(code);

            // Near misses of the same length and of one more or one less character are not codes.
            Codes.TryParse<T>(Encoding.UTF8.GetBytes(code.ToUpperInvariant()), out _).ShouldBeFalse();
            Codes.TryParse<T>(Encoding.UTF8.GetBytes(code + "s"), out _).ShouldBeFalse();
            Codes.TryParse<T>(Encoding.UTF8.GetBytes(code[..^1]), out _).ShouldBe(Codes.All<T>().Contains(code[..^1]));
        }

        Codes.TryParse<T>("Not-A-Code", out _).ShouldBeFalse();
        Codes.TryParse<T>(""u8, out _).ShouldBeFalse();
        Codes.TryParse<T>(Encoding.UTF8.GetBytes(new string('a', 200)), out _).ShouldBeFalse();
    }

    [Fact]
    public void A_code_set_holds_exactly_the_codes_it_was_made_of()
    {
        var all = Enum.GetValues<Condition>();
        for (var skip = 1; skip <= 4; skip++)
        {
            var some = all.Where((_, i) => i % skip == 0).ToArray();
            var set = CodeSet<Condition>.Of(some);
            foreach (var code in all)
            {
                set.Contains(code).ShouldBe(some.Contains(code), Codes.Of(code));
            }
        }

        CodeSet<Condition>.Of(null).Contains(Condition.ActiveAcne).ShouldBeFalse();
    }

    [Fact]
    public void A_code_set_refuses_a_vocabulary_past_64_codes()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => CodeSet<Wide>.Of([Wide.First, Wide.SixtyFifth]));
        CodeSet<Wide>.Of([Wide.First]).Contains(Wide.SixtyFifth).ShouldBeFalse();
    }

    private enum Wide { First = 0, SixtyFifth = 64 }
}
