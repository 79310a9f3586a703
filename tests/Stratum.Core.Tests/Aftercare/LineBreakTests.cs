using FsCheck;
using FsCheck.Fluent;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>ingredients.md §1.3 version 2: a line break separates names unless the label wrapped one name.</summary>
public sealed class LineBreakTests
{
    private static string[] Names(string inci) => [.. Checks.Parse(inci).Ingredients.Select(i => i.Inci)];

    [Fact]
    public void Benzoyl_peroxide_on_its_own_line_before_a_semicolon_list_stays_an_ingredient_and_is_flagged()
    {
        var result = Checks.Check("Benzoyl Peroxide 10%\nCetearyl Alcohol; Glycerin; Carbomer", 24m);

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Benzoyl Peroxide", "Cetearyl Alcohol", "Glycerin", "Carbomer"]);
        result.FlagClasses().ShouldBe(["benzoyl-peroxide"]);
    }

    [Fact]
    public void Retinol_after_a_line_break_in_a_semicolon_list_is_its_own_ingredient_and_flagged()
    {
        var result = Checks.Check("Water; Glycerin\nRetinol; Squalane", 24m);

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Water", "Glycerin", "Retinol", "Squalane"]);
        result.FlagClasses().ShouldBe(["retinoid"]);
    }

    [Fact]
    public void Bullets_with_line_breaks_between_them_give_one_ingredient_per_line()
    {
        Names("• Aqua\n• Glycerin\nRetinol\n• Squalane").ShouldBe(["Aqua", "Glycerin", "Retinol", "Squalane"]);
    }

    [Fact]
    public void A_name_the_label_wrapped_across_a_line_is_joined_again()
    {
        Names("Aqua, Sodium\nHyaluronate, Glycerin").ShouldBe(["Aqua", "Sodium Hyaluronate", "Glycerin"]);
    }

    [Fact]
    public void A_wrapped_name_is_not_joined_when_the_joined_text_is_no_known_name()
    {
        Names("Aqua, Glycerin\nPhenoxyethanol, Xanthan Gum").ShouldBe(["Aqua", "Glycerin", "Phenoxyethanol", "Xanthan Gum"]);
    }

    [Fact]
    public void A_drug_facts_label_gives_each_active_and_inactive_ingredient_and_nothing_from_uses_or_warnings()
    {
        const string label = "Drug Facts\nActive ingredients Purpose\nAvobenzone 3% Sunscreen\nOctinoxate 7.5% ....... Sunscreen\n"
            + "Uses\n• helps prevent sunburn\nWarnings\nFor external use only\nDirections\n• apply liberally 15 minutes before sun exposure\n"
            + "Inactive ingredients\nwater, glycerin; dimethicone\nphenoxyethanol";

        var result = Checks.Check(label, 0m);

        result.Ingredients.Select(i => i.Inci).ShouldBe(["Avobenzone", "Octinoxate", "water", "glycerin", "dimethicone", "phenoxyethanol"]);
        result.Unrecognised.ShouldBeEmpty();
        result.Verdict.ShouldBe(AftercareVerdict.Ok);
    }

    private static readonly string[] Known =
    [
        "Aqua", "Glycerin", "Retinol", "Lactic Acid", "Phenoxyethanol", "Salicylic Acid", "Benzoyl Peroxide", "Sodium Hyaluronate", "Squalane",
        "Cetearyl Alcohol", "Butylene Glycol", "Niacinamide", "Panthenol", "Xanthan Gum", "Tocopherol", "Ascorbic Acid", "Linalool", "Dimethicone",
        "Caprylic/Capric Triglyceride", "Ceramide NP", "PEG-40 Hydrogenated Castor Oil", "CI 77891", "1,2-Hexanediol",
    ];

    private static readonly string[] Separators = [", ", "; ", "\n", ",\n", ";\n", " • ", "\n• ", " · ", "\n"];

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Any_mix_of_commas_semicolons_line_breaks_and_bullets_splits_the_same_way() =>
        Prop.ForAll(Gen.Elements(Known).ArrayOf().Where(a => a.Length > 1).ToArbitrary(), ArbMap.Default.ArbFor<int>(), (names, seed) =>
        {
            var random = new Random(seed);
            var text = names[0] + string.Concat(names.Skip(1).Select(n => Separators[random.Next(Separators.Length)] + n));
            return Names(text).SequenceEqual(names);
        });
}
