using FsCheck;
using FsCheck.Fluent;
using Stratum.Core.Knowledge;
using Stratum.Core.Planning;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly Planner Planner = new(KnowledgeBase.Default);

    private static Plan PlanFor(string json) => Planner.Plan(Planner.ParseRequest(json, Generators.Today, KnowledgeBase.Default).Value);

    [Fact]
    public void Acne_scars_on_cheeks_in_clinic_follow_the_depth_table_with_three_to_four_passes()
    {
        var plan = PlanFor("""{"setting":"clinic","indication":"acne-scars","zones":["cheeks","forehead"]}""");
        plan.Zones.Single(z => z.Zone == Zone.Cheeks).DepthMm.ShouldBe(new MmRange(1.0m, 1.5m));
        plan.Zones.Single(z => z.Zone == Zone.Forehead).DepthMm.ShouldBe(new MmRange(0.5m, 1.0m));
        plan.Zones.ShouldAllBe(z => z.Passes == new CountRange(3, 4));
        plan.IntervalDays.ShouldBe(new CountRange(28, 42));
        plan.Sessions.ShouldBe(new CountRange(3, 6));
        plan.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Phototype_four_caps_depth_at_one_and_a_half_and_keeps_passes_at_the_low_end()
    {
        var plan = PlanFor("""{"setting":"clinic","indication":"stretch-marks","zones":["thighs"],"fitzpatrick":4}""");
        var thighs = plan.Zones.Single();
        thighs.DepthMm.ShouldBe(new MmRange(1.5m, 1.5m));
        thighs.Passes.ShouldBe(new CountRange(3, 3));
        plan.Warnings.ShouldContain(w => w.Code == "PL-PHOTOTYPE-CAP" && w.Zone == Zone.Thighs);
    }

    [Fact]
    public void Phototype_three_is_not_capped()
    {
        var plan = PlanFor("""{"setting":"clinic","indication":"stretch-marks","zones":["thighs"],"fitzpatrick":3}""");
        plan.Zones.Single().DepthMm.ShouldBe(new MmRange(1.5m, 2.5m));
        plan.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Device_needle_length_cuts_the_range_with_a_warning()
    {
        var plan = PlanFor("""{"setting":"clinic","indication":"acne-scars","zones":["cheeks"],"device":{"needleLengthMm":1.2}}""");
        plan.Zones.Single().DepthMm.ShouldBe(new MmRange(1.0m, 1.2m));
        plan.Warnings.Single().Code.ShouldBe("PL-DEVICE-CAP");
    }

    [Fact]
    public void Current_anticoagulant_caps_depth_at_one_millimetre()
    {
        var plan = PlanFor("""{"setting":"clinic","indication":"acne-scars","zones":["cheeks"],"medications":[{"code":"anticoagulant"}]}""");
        plan.Zones.Single().DepthMm.ShouldBe(new MmRange(1.0m, 1.0m));
        plan.Warnings.Single().Code.ShouldBe("PL-ANTICOAGULANT-CAP");
    }

    [Fact]
    public void Home_plan_leaves_out_periorbital_caps_the_face_at_point_three_and_warns_that_scars_need_a_professional()
    {
        var plan = PlanFor("""{"setting":"home","indication":"acne-scars","zones":["periorbital","cheeks","arms"],"device":{"needleLengthMm":0.5,"mechanism":"roller"}}""");
        plan.Zones.Select(z => z.Zone).ShouldBe([Zone.Cheeks, Zone.Arms]);
        plan.Zones.Single(z => z.Zone == Zone.Cheeks).DepthMm.Max.ShouldBe(0.3m);
        plan.Zones.Single(z => z.Zone == Zone.Arms).DepthMm.Max.ShouldBe(0.5m);
        plan.Warnings.Select(w => w.Code).ShouldBe(["PL-HOME-ZONE", "PL-HOME-CAP", "PL-HOME-CAP", "PL-HOME-DEPTH"]);
        plan.IntervalDays.ShouldBe(new CountRange(7, null));
    }

    [Fact]
    public void Home_plan_with_a_motorized_pen_warns()
    {
        var plan = PlanFor("""{"setting":"home","indication":"texture","zones":["forehead"],"device":{"needleLengthMm":0.25,"mechanism":"motorized"}}""");
        plan.Warnings.Select(w => w.Code).ShouldBe(["PL-HOME-CAP", "PL-DEVICE-CAP", "PL-HOME-DEVICE"]);
        plan.Zones.Single().DepthMm.ShouldBe(new MmRange(0.25m, 0.25m));
        plan.IntervalDays.ShouldBe(new CountRange(3, null));
    }

    [Fact]
    public void A_zone_without_a_depth_for_the_indication_is_a_warning_not_a_plan()
    {
        var plan = PlanFor("""{"setting":"clinic","indication":"wrinkles","zones":["scalp","forehead"]}""");
        plan.Zones.Select(z => z.Zone).ShouldBe([Zone.Forehead]);
        plan.Warnings.Single().ShouldSatisfyAllConditions(w => w.Code.ShouldBe("PL-NO-DEPTH"), w => w.Zone.ShouldBe(Zone.Scalp));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Neck_wrinkles_outside_phototypes_two_to_four_warn_about_the_clearance(int fitzpatrick, bool warns)
    {
        var plan = PlanFor($$"""{"setting":"clinic","indication":"wrinkles","zones":["neck"],"fitzpatrick":{{fitzpatrick}}}""");
        plan.Warnings.Any(w => w.Code == "PL-NECK-PHOTOTYPE").ShouldBe(warns);
    }

    [Fact]
    public void A_plan_request_needs_an_indication_and_zones()
    {
        var result = Planner.ParseRequest("""{"setting":"clinic"}""", Generators.Today, KnowledgeBase.Default);
        result.Errors.Select(e => e.Path).ShouldBe(["$.indication", "$.zones"]);
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property No_plan_ever_leaves_the_safety_envelope() =>
        Prop.ForAll(Generators.Intake.Where(i => i.Zones.Count > 0).ToArbitrary(), intake =>
        {
            var plan = Planner.Plan(intake);
            var face = KnowledgeBase.Default.Screening.Terms.FaceZones;
            var anticoagulated = new Screener(KnowledgeBase.Default).Screen(intake).Findings.Any(f => f.Rule == "CI-ANTICOAGULANT");
            return plan.Zones.All(z =>
                z.DepthMm.Min > 0 && z.DepthMm.Min <= z.DepthMm.Max && z.DepthMm.Max <= 2.5m
                && (z.Zone != Zone.Periorbital || z.DepthMm.Max <= 0.3m)
                && (intake.Fitzpatrick is not >= 4 || z.DepthMm.Max <= 1.5m && z.Passes.Min == z.Passes.Max)
                && (intake.Device?.NeedleLengthMm is not { } needle || z.DepthMm.Max <= needle)
                && (!anticoagulated || z.DepthMm.Max <= 1.0m)
                && (intake.Setting != Setting.Home || z.Zone != Zone.Periorbital && z.DepthMm.Max <= (face.Contains(z.Zone) ? 0.3m : 0.5m)))
                && plan.Zones.Count + plan.Warnings.Count(w => w.Code is "PL-HOME-ZONE" or "PL-NO-DEPTH") == intake.Zones.Count;
        });
}
