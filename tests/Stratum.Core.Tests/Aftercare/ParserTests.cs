using Stratum.Core.Aftercare;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>Reading lists as printed (ingredients.md §1), including the ambiguities listed in Corpus/README.md.</summary>
public sealed class ParserTests
{
    private static string[] Names(string inci) => [.. Checks.Parse(inci).Ingredients.Select(i => i.Inci)];

    [Theory]
    [InlineData("Ingredients: Aqua, Retinol")]
    [InlineData("Ingrédients : Aqua, Retinol")]
    [InlineData("INGREDIENTS/INGRÉDIENTS: Aqua, Retinol")]
    [InlineData("Ingredientes: Aqua, Retinol")]
    [InlineData("Inhaltsstoffe:\nAqua, Retinol")]
    [InlineData("Full ingredients list: Aqua, Retinol")]
    [InlineData("INCI: Aqua, Retinol")]
    [InlineData("Night Serum 30 ml\nIngredients: Aqua, Retinol")]
    [InlineData("Aqua, Retinol\nDirections: apply at night. Avoid the eyes.")]
    public void Ingredient_headers_in_several_languages_are_removed_and_titles_before_them_ignored(string text)
    {
        Names(text).ShouldBe(["Aqua", "Retinol"]);
    }

    [Fact]
    public void A_list_wrapped_across_lines_keeps_names_whole()
    {
        Names("Aqua, Butyrospermum Parkii\n(Shea) Butter, Glycerin").ShouldBe(["Aqua", "Butyrospermum Parkii (Shea) Butter", "Glycerin"]);
    }

    [Fact]
    public void One_ingredient_per_line_is_read_when_the_section_has_no_commas()
    {
        Names("Aqua\nGlycerin\nRetinol").ShouldBe(["Aqua", "Glycerin", "Retinol"]);
    }

    [Fact]
    public void Bullets_and_semicolons_separate_ingredients()
    {
        Names("Aqua • Glycerin · Retinol; Squalane | Panthenol").ShouldBe(["Aqua", "Glycerin", "Retinol", "Squalane", "Panthenol"]);
    }

    [Fact]
    public void Footnote_markers_are_removed_and_the_legend_line_is_dropped()
    {
        var result = Checks.Check("Aloe Barbadensis Leaf Juice¹, Glycerin*, Retinol**.\n*Certified organic ¹from organic farming\n†natural origin");

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Aloe Barbadensis Leaf Juice", "Glycerin", "Retinol"]);
        result.FlagClasses().ShouldBe(["retinoid"]);
    }

    [Fact]
    public void A_trade_mixture_shares_one_position_and_each_part_is_classified()
    {
        var list = Checks.Parse("Aqua, Glycerin (and) Retinol (and) Polysorbate 20, Phenoxyethanol").Ingredients;

        list.Select(i => (i.Position, i.Inci)).ShouldBe([(1, "Aqua"), (2, "Glycerin"), (2, "Retinol"), (2, "Polysorbate 20"), (3, "Phenoxyethanol")]);
        Checks.Check("Aqua, Glycerin (and) Retinol").ClassesOf("Retinol").ShouldBe(["retinoid"]);
    }

    [Theory]
    [InlineData("Aqua, CI 77891, Retinol", "CI 77891")]
    [InlineData("Aqua, CI77891, Retinol", "CI77891")]
    [InlineData("Aqua, C.I. 77891, Retinol", "C.I. 77891")]
    [InlineData("Aqua, FD&C Red No. 40, Retinol", "FD&C Red No. 40")]
    [InlineData("Aqua, Alcohol Denat. , Retinol", "Alcohol Denat")]
    public void Colour_index_numbers_and_abbreviations_with_periods_stay_one_ingredient(string inci, string middle)
    {
        Names(inci).ShouldBe(["Aqua", middle, "Retinol"]);
    }

    [Theory]
    [InlineData("Aqua, Niacinamide 10%, Retinol")]
    [InlineData("Aqua, Niacinamide (10%), Retinol")]
    [InlineData("Aqua, Niacinamide 0,5 %, Retinol")]
    [InlineData("Aqua, Niacinamide 70% v/v, Retinol")]
    public void Percentages_are_removed(string inci)
    {
        Names(inci).ShouldBe(["Aqua", "Niacinamide", "Retinol"]);
    }

    [Fact]
    public void Non_breaking_spaces_and_unicode_dashes_match_like_plain_ones()
    {
        Checks.Check("Aqua,\u00A0Alpha\u2011Isomethyl\u00A0Ionone, Salicylic\u2009Acid").FlagClasses().ShouldBe(["bha", "fragrance"]);
    }

    [Fact]
    public void One_comma_two_hexanediol_written_with_a_space_is_one_ingredient_and_a_marker()
    {
        var result = Checks.Check("Aqua, Glycerin, 1, 2-Hexanediol, Lactic Acid");

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Aqua", "Glycerin", "1, 2-Hexanediol", "Lactic Acid"]);
        result.ClassesOf("Lactic Acid").ShouldBeEmpty();
    }

    [Fact]
    public void Commas_inside_parentheses_do_not_split_and_the_names_inside_still_count()
    {
        var result = Checks.Check("Aqua, Iron Oxides (CI 77492, 77491, 77499), Vitamin C (Ascorbic Acid, Water), Retinol");

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Aqua", "Iron Oxides (CI 77492, 77491, 77499)", "Vitamin C (Ascorbic Acid, Water)", "Retinol"]);
        result.FlagClasses().ShouldBe(["retinoid", "vitamin-c"]);
    }

    [Fact]
    public void Unbalanced_parentheses_still_give_every_ingredient()
    {
        var result = Checks.Check("Aqua (Water, Retinol, Glycerin");

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Aqua (Water", "Retinol", "Glycerin"]);
        result.FlagClasses().ShouldBe(["retinoid"]);
    }

    [Fact]
    public void Backslash_synonyms_are_read_like_slashes()
    {
        var list = Checks.Parse(@"Water\Aqua\Eau, Glycerin").Ingredients;

        list.Count.ShouldBe(2);
        list[0].Keys.ShouldBe(["water", "aqua", "eau"]);
    }

    [Fact]
    public void A_slash_with_an_unknown_synonym_still_flags_the_listed_essential_oil_name()
    {
        Checks.Check("Aqua, Coriandrum Sativum Seed Oil / Coriander Seed Oil").FlagClasses().ShouldBe(["essential-oil"]);
        Checks.Check("Aqua, Simmondsia Chinensis Seed Oil / Jojoba Seed Oil, Nylon-6/12").Flags.ShouldBeEmpty();
    }

    [Fact]
    public void Vitamin_c_in_parentheses_counts_only_as_the_pure_acid()
    {
        Checks.Check("Aqua, Vitamin C (Ascorbic Acid)").FlagClasses().ShouldBe(["vitamin-c"]);
        Checks.Check("Aqua, Vitamin C (Sodium Ascorbyl Phosphate)").Flags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Titanium Dioxide [nano], Retinol")]
    [InlineData("Titanium Dioxide (nano), Retinol")]
    [InlineData("Titanium Dioxide nano, Retinol")]
    public void Nano_markers_are_not_part_of_the_name(string inci)
    {
        Checks.Parse(inci).Ingredients[0].Key.ShouldBe("titanium dioxide");
    }

    [Fact]
    public void May_contain_without_brackets_runs_to_the_end_of_the_list()
    {
        var list = Checks.Parse("Talc, Mica, May contain Iron Oxides (CI 77492, 77491, 77499), CI 77891.").Ingredients;

        list.Select(i => i.Position).ShouldBe([1, 2, null, null]);
    }

    [Fact]
    public void Sugar_is_a_scrub_only_in_first_place()
    {
        Checks.Check("Sucrose, Prunus Amygdalus Dulcis Oil, Glycerin").FlagClasses().ShouldBe(["exfoliant"]);
        Checks.Check("Aqua, Glycerin, Sucrose").Flags.ShouldBeEmpty();
    }

    [Fact]
    public void A_duplicated_ingredient_is_listed_twice_but_flagged_once_at_its_first_position()
    {
        var result = Checks.Check("Aqua, Retinol, Glycerin, Retinol");

        result.Ingredients.Count(i => i.Inci == "Retinol").ShouldBe(2);
        result.Flags.ShouldHaveSingleItem().Position.ShouldBe(2);
    }

    [Fact]
    public void A_pharmacopoeia_suffix_does_not_hide_an_active()
    {
        var result = Checks.Check("Active ingredient: Benzoyl peroxide USP, 10% ....... Acne treatment\nInactive ingredients: water, carbomer");

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Benzoyl peroxide USP", "water", "carbomer"]);
        result.FlagClasses().ShouldBe(["benzoyl-peroxide"]);
    }

    [Fact]
    public void Several_actives_on_one_line_each_keep_their_name()
    {
        var result = Checks.Check("Active ingredients: Adapalene 0.1%, Benzoyl Peroxide 2.5%\nInactive ingredients: Water");

        result.Ingredients.Select(i => (i.Position, i.Inci)).ShouldBe([(1, "Adapalene"), (2, "Benzoyl Peroxide"), (3, "Water")]);
        result.FlagClasses().ShouldBe(["benzoyl-peroxide", "retinoid"]);
    }

    [Fact]
    public void Text_that_is_no_ingredient_is_listed_unrecognised_and_the_product_is_not_called_fine()
    {
        var result = Checks.Check("Aqua, Made with love, Snail Secretion Filtrate");

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Aqua", "Made with love", "Snail Secretion Filtrate"]);
        result.Ingredients.ShouldAllBe(i => i.Classes.Count == 0);
        result.Unrecognised.ShouldBe([new UnrecognisedIngredient(2, "Made with love")]);
        result.Verdict.ShouldBe(AftercareVerdict.Caution);
        result.Summary.ShouldContain("Made with love");
    }
}
