using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>The worked examples of ingredients.md §8, each as stated there (24 h after treatment unless said).</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void Lactic_acid_before_the_first_marker_is_aha_and_citric_acid_after_it_is_not()
    {
        var result = Checks.Check("Aqua, Glycerin, Lactic Acid, Sodium Lactate, Niacinamide, Sodium Hyaluronate, Phenoxyethanol, Ethylhexylglycerin, Citric Acid");

        result.ClassesOf("Lactic Acid").ShouldBe(["aha"]);
        result.ClassesOf("Sodium Lactate").ShouldBe(["aha"]);
        result.ClassesOf("Citric Acid").ShouldBeEmpty();
        result.BenefitClasses().ShouldBe(["hyaluronic-acid"]);
        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
        result.UsableFromHours.ShouldBe(72);
    }

    [Fact]
    public void Sunscreen_salicylates_are_not_bha_and_denatured_alcohol_synonyms_are_one_careful_ingredient()
    {
        const string inci = "Aqua, Homosalate, Ethylhexyl Salicylate, Butyl Methoxydibenzoylmethane, Alcohol Denat./SD Alcohol 40-B, Cetearyl Alcohol, Glycerin, Dimethicone, Phenoxyethanol, Tocopherol";
        var result = Checks.Check(inci);

        result.Ingredients.Count.ShouldBe(10);
        result.Ingredients[4].ShouldBe(result.Ingredients.Single(i => i.Inci == "Alcohol Denat./SD Alcohol 40-B"));
        result.Ingredients[4].Position.ShouldBe(5);
        result.FlagClasses().ShouldBe(["alcohol-denat"]);
        result.ClassesOf("Homosalate").ShouldBeEmpty();
        result.ClassesOf("Cetearyl Alcohol").ShouldBeEmpty();
        result.BenefitClasses().ShouldBe(["barrier"]);
        result.Verdict.ShouldBe(AftercareVerdict.Caution);
        result.UsableFromHours.ShouldBe(72);
        Checks.Check(inci, 80m).Verdict.ShouldBe(AftercareVerdict.Ok);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    public void Bakuchiol_and_beta_carotene_are_not_retinoids(decimal hours)
    {
        var result = Checks.Check("Aqua, Glycerin, Squalane, Bakuchiol, Beta-Carotene, Panthenol, Tocopherol (Vitamin E), Xanthan Gum, Phenoxyethanol", hours);

        result.Flags.ShouldBeEmpty();
        result.Verdict.ShouldBe(AftercareVerdict.Ok);
        result.UsableFromHours.ShouldBe(0);
        result.Benefits.Select(b => b.Inci).ShouldBe(["Squalane", "Panthenol"]);
    }

    [Fact]
    public void Ascorbic_acid_is_vitamin_c_anywhere_and_its_derivatives_are_not()
    {
        const string withAcid = "Aqua, Propanediol, Ascorbyl Glucoside, 3-O-Ethyl Ascorbic Acid, Niacinamide, Sodium Hyaluronate, Phenoxyethanol, Ascorbic Acid, Disodium EDTA";
        var result = Checks.Check(withAcid);

        result.Flags.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Inci.ShouldBe("Ascorbic Acid"),
            f => f.Position.ShouldBe(8),
            f => f.Class.ShouldBe("vitamin-c"));
        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
        Checks.Check(withAcid.Replace(", Ascorbic Acid", "", StringComparison.Ordinal)).Verdict.ShouldBe(AftercareVerdict.Ok);
    }

    [Fact]
    public void Carrier_oils_are_not_essential_oils_but_lavender_and_bergamot_are()
    {
        var result = Checks.Check("Simmondsia Chinensis (Jojoba) Seed Oil, Rosa Canina Fruit Oil, Argania Spinosa Kernel Oil, Lavandula Angustifolia (Lavender) Oil, Citrus Aurantium Bergamia (Bergamot) Peel Oil, Tocopherol, Linalool, Limonene");

        result.Ingredients.Take(3).ShouldAllBe(i => i.Classes.Count == 0);
        result.Flags.Select(f => (f.Position, f.Class)).ShouldBe([(4, "essential-oil"), (5, "essential-oil"), (7, "fragrance"), (8, "fragrance")]);
        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
    }

    [Fact]
    public void Slashes_that_belong_to_a_name_do_not_split_it_and_the_final_period_ends_the_list()
    {
        var result = Checks.Check("Aqua/Water/Eau, Caprylic/Capric Triglyceride, Glycerin, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Ceramide NP, Ceramide AP, Ceramide EOP, Phytosphingosine, Cholesterol, Sodium Lauroyl Lactylate, Carbomer, Xanthan Gum, Parfum/Fragrance.");

        result.Ingredients.Count.ShouldBe(13);
        result.Ingredients[^1].ShouldSatisfyAllConditions(
            i => i.Position.ShouldBe(13),
            i => i.Inci.ShouldBe("Parfum/Fragrance"),
            i => i.Classes.ShouldBe([IngredientClass.Fragrance]));
        result.FlagClasses().ShouldBe(["fragrance"]);
        result.ClassesOf("Sodium Lauroyl Lactylate").ShouldBeEmpty();
        result.Benefits.Count(b => b.Class == IngredientClass.Ceramide).ShouldBe(4);
        result.BenefitClasses().ShouldBe(["barrier", "ceramide"]);
        result.Verdict.ShouldBe(AftercareVerdict.Caution);
    }

    [Fact]
    public void Drug_facts_benzoyl_peroxide_is_first_and_purpose_uses_and_warnings_are_ignored()
    {
        var result = Checks.Check("""
            Drug Facts
            Active ingredient                 Purpose
            Benzoyl Peroxide 5% .............. Acne treatment
            Uses treats acne
            Warnings For external use only
            Inactive ingredients water, carbomer, sodium hydroxide, glycerin, cetyl alcohol, disodium EDTA, fragrance
            """);

        result.Ingredients.Select(i => (i.Position, i.Inci)).ShouldBe([
            (1, "Benzoyl Peroxide"), (2, "water"), (3, "carbomer"), (4, "sodium hydroxide"), (5, "glycerin"),
            (6, "cetyl alcohol"), (7, "disodium EDTA"), (8, "fragrance")]);
        result.Flags.Select(f => (f.Position, f.Class)).ShouldBe([(1, "benzoyl-peroxide"), (8, "fragrance")]);
        result.Verdict.ShouldBe(AftercareVerdict.Avoid);
    }

    [Fact]
    public void May_contain_colourants_have_no_position_and_silica_is_not_a_scrub()
    {
        var result = Checks.Check("Talc, Mica, Dimethicone, Zinc Stearate, Octyldodecanol, Silica, Caprylyl Glycol, Ethylhexylglycerin, Tocopherol. [+/- May Contain: CI 77891 (Titanium Dioxide), CI 77491, CI 77492, CI 77499 (Iron Oxides), CI 77007 (Ultramarines)]");

        result.Ingredients.Select(i => i.Position).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9, null, null, null, null, null]);
        result.Ingredients.Skip(9).Select(i => i.Inci).ShouldBe(["CI 77891 (Titanium Dioxide)", "CI 77491", "CI 77492", "CI 77499 (Iron Oxides)", "CI 77007 (Ultramarines)"]);
        result.Ingredients.ShouldAllBe(i => i.Classes.All(c => c == IngredientClass.Barrier));
        result.Flags.ShouldBeEmpty();
        result.Verdict.ShouldBe(AftercareVerdict.Ok);
    }

    [Fact]
    public void Benzyl_salicylate_and_methyl_salicylate_are_fragrance_not_bha()
    {
        var result = Checks.Check("Aqua, Glycerin, Butyrospermum Parkii (Shea) Butter, Cetearyl Alcohol, Parfum, Benzyl Salicylate, Benzyl Alcohol, Methyl Salicylate");

        result.Flags.Select(f => f.Inci).ShouldBe(["Parfum", "Benzyl Salicylate", "Benzyl Alcohol", "Methyl Salicylate"]);
        result.FlagClasses().ShouldBe(["fragrance"]);
        result.BenefitClasses().ShouldBe(["barrier"]);
        result.Verdict.ShouldBe(AftercareVerdict.Caution);
    }

    [Fact]
    public void Centella_acids_are_not_aha_and_an_acid_beyond_position_ten_is_not_either()
    {
        var result = Checks.Check("Centella Asiatica Leaf Water, Glycerin, Madecassoside, Asiatic Acid, Madecassic Acid, Asiaticoside, Panthenol, Copper Tripeptide-1, Palmitoyl Tripeptide-1, sh-Oligopeptide-1, 1,2-Hexanediol, Citric Acid");

        result.Ingredients.Count.ShouldBe(12);
        result.Ingredients[10].Inci.ShouldBe("1,2-Hexanediol");
        result.Flags.ShouldBeEmpty();
        result.Benefits.Count(b => b.Class == IngredientClass.Centella).ShouldBe(5);
        result.BenefitClasses().ShouldBe(["barrier", "centella", "copper-peptide", "growth-factor", "peptide"]);
        result.Verdict.ShouldBe(AftercareVerdict.Ok);
    }
}
