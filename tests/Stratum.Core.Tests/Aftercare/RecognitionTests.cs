using Stratum.Core.Aftercare;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>DESIGN §3 Recognition and ingredients.md §1.3a: a name the checker does not know never makes a product fine.</summary>
public sealed class RecognitionTests
{
    private static AftercareIngredient Only(string inci) => Checks.Check(inci, 0m).Ingredients.ShouldHaveSingleItem();

    [Fact]
    public void Made_up_text_is_reported_unrecognised_and_the_verdict_is_caution_not_ok()
    {
        var result = Checks.Check("asdf qwerty", 0m);

        result.Ingredients.ShouldHaveSingleItem().Recognised.ShouldBeFalse();
        result.Unrecognised.ShouldBe([new UnrecognisedIngredient(1, "asdf qwerty")]);
        result.Verdict.ShouldBe(AftercareVerdict.Caution);
        result.Summary.ShouldContain("asdf qwerty");
    }

    [Fact]
    public void An_unrecognised_ingredient_keeps_the_verdict_caution_after_every_window_has_closed()
    {
        var result = Checks.Check("Aqua, Glycolic Acid, Zzyzx Blend", 500m);

        result.Flags.ShouldAllBe(f => !f.Open);
        result.Unrecognised.Select(u => u.Inci).ShouldBe(["Zzyzx Blend"]);
        result.Verdict.ShouldBe(AftercareVerdict.Caution);
    }

    [Fact]
    public void Retinol_printed_with_a_zero_is_read_as_retinol_and_flagged_as_a_retinoid()
    {
        var result = Checks.Check("Aqua, RETIN0L", 24m);

        var retinol = result.Ingredients[1];
        retinol.Recognised.ShouldBeTrue();
        retinol.MatchedAs.ShouldBe("Retinol");
        result.FlagClasses().ShouldBe(["retinoid"]);
        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
    }

    [Fact]
    public void Glycolic_acid_printed_with_a_one_is_read_as_glycolic_acid_and_flagged_as_an_aha()
    {
        var result = Checks.Check("Glyco1ic Acid, Aqua", 24m);

        result.Ingredients[0].MatchedAs.ShouldBe("Glycolic Acid");
        result.FlagClasses().ShouldBe(["aha"]);
    }

    [Fact]
    public void Two_swapped_letters_are_one_slip_read_as_the_known_name()
    {
        var ingredient = Only("Sodium Dehyrdoacetate");

        ingredient.Recognised.ShouldBeTrue();
        ingredient.MatchedAs.ShouldBe("Sodium Dehydroacetate");
    }

    [Fact]
    public void A_short_name_is_never_read_as_a_near_miss()
    {
        Only("Talk").Recognised.ShouldBeFalse();
    }

    [Fact]
    public void A_slip_that_changes_a_number_is_not_read_as_the_other_number()
    {
        var ingredient = Only("Steareth-999");

        ingredient.MatchedAs.ShouldBeNull();
    }

    [Fact]
    public void Bare_vitamin_c_is_flagged_as_vitamin_c()
    {
        var result = Checks.Check("Aqua, Vitamin C", 0m);

        result.Ingredients[1].Recognised.ShouldBeTrue();
        result.FlagClasses().ShouldBe(["vitamin-c"]);
    }

    [Fact]
    public void Vitamin_c_with_a_derivative_in_parentheses_is_read_as_that_derivative()
    {
        var result = Checks.Check("Aqua, Vitamin C (Sodium Ascorbyl Phosphate)", 0m);

        result.Ingredients[1].Recognised.ShouldBeTrue();
        result.FlagClasses().ShouldNotContain("vitamin-c");
    }

    [Theory]
    [InlineData("Octinoxate")]
    [InlineData("Avobenzone")]
    [InlineData("Octisalate")]
    [InlineData("Oxybenzone")]
    [InlineData("Ensulizole")]
    [InlineData("Edetate Disodium")]
    [InlineData("Purified Water")]
    public void A_us_drug_name_of_a_drug_facts_label_is_recognised(string name)
    {
        Only(name).Recognised.ShouldBeTrue();
    }

    [Fact]
    public void A_pharmacopoeia_suffix_does_not_stop_adapalene_being_a_retinoid()
    {
        var result = Checks.Check("Adapalene USP, 0.1%", 24m);

        result.Ingredients.ShouldHaveSingleItem().Recognised.ShouldBeTrue();
        result.FlagClasses().ShouldBe(["retinoid"]);
    }

    [Theory]
    [InlineData("PEG-40 Hydrogenated Castor Oil")]
    [InlineData("Polysorbate 20")]
    [InlineData("Ceteareth-25")]
    [InlineData("CI 77491")]
    [InlineData("VP/VA Copolymer")]
    [InlineData("Rosa Canina Fruit Oil")]
    [InlineData("Hydrogenated Poly(C6-14 Olefin)")]
    public void Published_and_constructed_inci_names_are_recognised(string name)
    {
        Only(name).Recognised.ShouldBeTrue();
    }

    [Fact]
    public void A_made_up_species_of_a_known_genus_is_not_recognised()
    {
        Only("Rosa Zzyzxia Fruit Extract").Recognised.ShouldBeFalse();
    }

    [Fact]
    public void A_common_name_is_read_as_its_inci_name_and_classified_as_it()
    {
        var result = Checks.Check("Aqua, Orange Peel Oil", 0m);

        result.Ingredients[1].MatchedAs.ShouldNotBeNull().ShouldStartWith("Citrus");
        result.FlagClasses().ShouldBe(["essential-oil"]);
    }

    [Theory]
    [InlineData("Menthol")]
    [InlineData("Camphor")]
    [InlineData("Benzaldehyde")]
    [InlineData("Linalyl Acetate")]
    [InlineData("Terpineol")]
    [InlineData("Vanillin")]
    [InlineData("Jasminum Officinale Flower Extract")]
    [InlineData("Rosa Damascena Flower Extract")]
    public void A_fragrance_allergen_added_by_regulation_2023_1545_is_flagged_as_fragrance(string name)
    {
        var result = Checks.Check($"Aqua, {name}", 0m);

        result.FlagClasses().ShouldBe(["fragrance"]);
        result.Flags.ShouldHaveSingleItem().Sources.ShouldContain("eu-2023-1545");
    }

    [Fact]
    public void A_name_a_clinic_adds_to_the_vocabulary_is_recognised_and_changes_the_knowledge_version()
    {
        var vocabulary = KnowledgeBase.ReadEmbedded(KnowledgeBase.VocabularyFile).Replace("\"names\": [", "\"names\": [\"Zzyzx Oil\", ", StringComparison.Ordinal);

        KnowledgeBase.TryLoad(name => name == KnowledgeBase.VocabularyFile ? vocabulary : null, out var knowledge, out var errors).ShouldBeTrue();

        errors.ShouldBeEmpty();
        knowledge.Version.ShouldNotBe(KnowledgeBase.Default.Version);
        KnowledgeBase.Default.Ingredients.Parser.Parse("Zzyzx Oil").Ingredients.ShouldHaveSingleItem().Recognised.ShouldBeFalse();
        knowledge.Ingredients.Parser.Parse("Zzyzx Oil").Ingredients.ShouldHaveSingleItem().Recognised.ShouldBeTrue();
    }
}
