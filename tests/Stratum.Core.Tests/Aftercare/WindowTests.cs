using Stratum.Core.Aftercare;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>Time windows, verdicts, the personal avoid list and routines (ingredients.md §2, issue 4 items 3–4).</summary>
public sealed class WindowTests
{
    private const string RetinolSerum = "Aqua, Glycerin, Retinol, Sodium Hyaluronate, Phenoxyethanol";
    private const string FragrancedCream = "Aqua, Squalane, Glycerin, Parfum";

    [Theory]
    [InlineData(0, "avoid", true)]
    [InlineData(71.99, "avoid", true)]
    [InlineData(72, "ok", false)]
    [InlineData(200, "ok", false)]
    public void A_window_is_open_until_exactly_its_hour(decimal hours, string verdict, bool open)
    {
        var result = Checks.Check(RetinolSerum, hours);

        Codes.Of(result.Verdict).ShouldBe(verdict);
        result.Flags.ShouldHaveSingleItem().Open.ShouldBe(open);
        result.UsableFromHours.ShouldBe(72);
    }

    [Fact]
    public void The_summary_names_the_ingredients_as_the_label_prints_them_never_a_class_code()
    {
        var toner = Checks.Check("Aqua, Salicylic Acid, Alcohol Denat., Glycerin", 10);
        toner.Summary.ShouldStartWith("Not yet: it contains Salicylic Acid and Alcohol Denat. Usable from 72 hours after treatment");
        toner.Summary.ShouldNotContain("bha");
        toner.Summary.ShouldNotContain("alcohol-denat");

        Checks.Check(RetinolSerum, 100).Summary.ShouldBe("Fine to use now: the 72-hour wait for Retinol has passed.");
    }

    [Fact]
    public void Only_careful_classes_give_caution_and_an_avoid_class_outweighs_them()
    {
        Checks.Check(FragrancedCream).Verdict.ShouldBe(AftercareVerdict.Caution);
        Checks.Check(FragrancedCream + ", Salicylic Acid").Verdict.ShouldBe(AftercareVerdict.Avoid);
    }

    [Fact]
    public void Every_flag_says_why_with_sources_that_exist()
    {
        var flag = Checks.Check(RetinolSerum).Flags.ShouldHaveSingleItem();

        flag.ShouldSatisfyAllConditions(
            f => f.Inci.ShouldBe("Retinol"),
            f => f.Position.ShouldBe(3),
            f => f.Class.ShouldBe("retinoid"),
            f => f.Severity.ShouldBe(AftercareVerdict.Avoid),
            f => f.WindowHours.ShouldBe(72),
            f => f.Reason.ShouldContain("Retinoids"),
            f => f.Sources.ShouldBe(["seed-002", "chu-2021"]));
        flag.Sources.ShouldAllBe(s => KnowledgeBase.Default.FindSource(s) != null);
    }

    [Fact]
    public void Treatment_time_and_now_give_the_hours_and_the_clock_time_it_is_usable_from()
    {
        var request = AftercareRequest.Parse(
            """{ "inci": "Aqua, Retinol", "treatedAt": "2026-11-24T14:00", "now": "2026-11-25T20:30" }""",
            KnowledgeBase.Default,
            new AftercareContext(Checks.Now)).Value;

        var result = new AftercareChecker(KnowledgeBase.Default).Check(request);

        result.HoursSinceTreatment.ShouldBe(30.5m);
        result.TreatedAt.ShouldBe(new DateTime(2026, 11, 24, 14, 0, 0));
        result.UsableFrom.ShouldBe(new DateTime(2026, 11, 27, 14, 0, 0));
        result.Summary.ShouldContain("Fri 27 Nov, 14:00");
    }

    [Fact]
    public void A_clinic_can_lengthen_a_window_and_the_knowledge_version_changes()
    {
        var text = KnowledgeBase.ReadEmbedded(KnowledgeBase.IngredientsFile);
        var longer = text.Replace("\"code\": \"retinoid\",\n      \"windowHours\": 72", "\"code\": \"retinoid\",\n      \"windowHours\": 120", StringComparison.Ordinal);
        longer.ShouldNotBe(text);
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.IngredientsFile ? longer : null, out var clinic, out var errors).ShouldBeTrue(string.Join("; ", errors));

        var request = AftercareRequest.Parse(RetinolSerum, clinic, new AftercareContext(Checks.Now, 96m)).Value;
        var result = new AftercareChecker(clinic).Check(request);

        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
        result.UsableFromHours.ShouldBe(120);
        result.KnowledgeVersion.ShouldNotBe(KnowledgeBase.Default.Version);
    }

    [Fact]
    public void A_name_on_the_personal_avoid_list_is_never_usable()
    {
        var result = Checks.Check("Aqua, Niacinamide, Glycerin", 1000m, "niacinamide ");

        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
        result.UsableFromHours.ShouldBeNull();
        result.Flags.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Class.ShouldBe(AftercareChecker.PersonalClass),
            f => f.Inci.ShouldBe("Niacinamide"),
            f => f.WindowHours.ShouldBeNull());
        result.Summary.ShouldContain("your own avoid list");
    }

    [Fact]
    public void A_class_code_on_the_avoid_list_avoids_every_ingredient_of_that_class()
    {
        var result = Checks.Check("Aqua, Linalool, Parfum", 500m, "fragrance");

        result.Flags.Where(f => f.Class == AftercareChecker.PersonalClass).Select(f => f.Inci).ShouldBe(["Linalool", "Parfum"]);
        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
    }

    [Fact]
    public void A_routine_says_which_product_may_be_used_from_when_and_which_helpful_ones_now()
    {
        var json = $$"""
            { "hoursSinceTreatment": 24, "avoid": ["Linalool"], "products": [
              { "name": "Night serum", "inci": "{{RetinolSerum}}" },
              { "name": "Hydrating gel", "inci": "Aqua, Sodium Hyaluronate, Panthenol, Phenoxyethanol" },
              { "name": "Toner", "inci": "Aqua, Linalool" } ] }
            """;
        var request = RoutineRequest.Parse(json, KnowledgeBase.Default, new AftercareContext(Checks.Now));
        request.Errors.ShouldBeEmpty();

        var result = new AftercareChecker(KnowledgeBase.Default).Routine(request.Value);

        result.Products.Select(p => (p.Name, p.Verdict, p.UsableFromHours)).ShouldBe([
            ("Night serum", AftercareVerdict.Avoid, (int?)72),
            ("Hydrating gel", AftercareVerdict.Ok, 0),
            ("Toner", AftercareVerdict.Avoid, null)]);
        result.UseNow.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            u => u.Name.ShouldBe("Hydrating gel"),
            u => u.Benefits.ShouldBe([IngredientClass.HyaluronicAcid, IngredientClass.Barrier]));
        result.Summary.ShouldBe("1 of 3 products can be used now; 2 must wait or be avoided.");
    }

    [Fact]
    public void A_routine_can_be_given_as_name_tab_list_lines()
    {
        var request = RoutineRequest.Parse("Serum\tAqua, Retinol\n\nCream\tAqua, Squalane\n", KnowledgeBase.Default, new AftercareContext(Checks.Now, 80m));

        request.Value.Products.Select(p => p.Name).ShouldBe(["Serum", "Cream"]);
        new AftercareChecker(KnowledgeBase.Default).Routine(request.Value).UseNow.Select(u => u.Name).ShouldBe(["Cream"]);
    }
}
