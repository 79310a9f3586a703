using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>Letter case and spacing are not information: they never change which classes a list gets.</summary>
public sealed class ClassPropertyTests
{
    private static readonly string[] Names =
    [
        "Aqua", "Glycerin", "Retinol", "Retinyl Palmitate", "Lactic Acid", "Citric Acid", "Sodium Lactate", "Phenoxyethanol", "Salicylic Acid",
        "Homosalate", "Gluconolactone", "Ascorbic Acid", "3-O-Ethyl Ascorbic Acid", "Benzoyl Peroxide", "Juglans Regia Shell Powder", "Sucrose",
        "Lavandula Angustifolia (Lavender) Oil", "Simmondsia Chinensis (Jojoba) Seed Oil", "Citrus Limon Peel Oil", "Rosmarinus Officinalis Leaf Extract",
        "Parfum/Fragrance", "Linalool", "Benzyl Alcohol", "Alcohol Denat.", "SD Alcohol 40-B", "Cetearyl Alcohol", "Sodium Hyaluronate",
        "Palmitoyl Tripeptide-1", "Copper Tripeptide-1", "sh-Oligopeptide-1", "Centella Asiatica Leaf Extract", "Ceramide NP", "Panthenol",
        "Butyrospermum Parkii (Shea) Butter", "Caprylic/Capric Triglyceride", "Aqua/Water/Eau", "1,2-Hexanediol", "Xanthan Gum", "Bakuchiol",
        "Glycerin (and) Retinol", "Vitamin C (Ascorbic Acid)", "CI 77891", "Mandelic Acid", "Malic Acid", "Papain", "Tea Tree Oil",
    ];

    private static readonly Gen<string[]> Lists = Gen.Elements(Names).ArrayOf().Where(a => a.Length > 0);

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Changing_letter_case_never_changes_the_classes() =>
        Prop.ForAll(Lists.ToArbitrary(), ArbMap.Default.ArbFor<int>(), (names, seed) =>
        {
            var random = new Random(seed);
            var text = string.Join(", ", names);
            var recased = new string([.. text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);
            return SameClasses(text, recased);
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Changing_spacing_never_changes_the_classes() =>
        Prop.ForAll(Lists.ToArbitrary(), ArbMap.Default.ArbFor<int>(), (names, seed) =>
        {
            var random = new Random(seed);
            var spaced = new StringBuilder();
            foreach (var c in string.Join(", ", names))
            {
                spaced.Append(c == ' ' ? new string(' ', random.Next(1, 4)) : c.ToString());
                if (c == ',' && random.Next(3) == 0)
                {
                    spaced.Append(random.Next(2) == 0 ? "\n" : "\t ");
                }
            }

            return SameClasses(string.Join(", ", names), "  " + spaced + " \n");
        });

    private static bool SameClasses(string a, string b)
    {
        var left = Checks.Check(a, 0m);
        var right = Checks.Check(b, 0m);
        return left.Ingredients.Select(i => (i.Position, string.Join(",", i.Classes))).SequenceEqual(right.Ingredients.Select(i => (i.Position, string.Join(",", i.Classes))));
    }
}
