using System.Text.Json;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>
/// Published INCI lists of real products (Corpus/README.md): each must give exactly the avoid/careful classes and the
/// helpful classes decided for it from ingredients.md, and none of the classes a naive checker would report.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string[] FileNames =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Aftercare", "Corpus"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files() => [.. FileNames];

    [Fact]
    public void The_corpus_holds_at_least_forty_published_lists()
    {
        FileNames.Length.ShouldBeGreaterThanOrEqualTo(40);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Published_list_gets_exactly_its_expected_classes(string file)
    {
        var product = Read(file);
        product.Source.ShouldNotBeNullOrWhiteSpace();

        var result = Checks.Check(product.Inci, 0m);

        result.FlagClasses().ShouldBe(product.ExpectedClasses.Order(StringComparer.Ordinal).ToArray(), product.Reasoning);
        result.BenefitClasses().ShouldBe(product.ExpectedBenefits.Order(StringComparer.Ordinal).ToArray(), product.Reasoning);
        result.FlagClasses().Intersect(product.MustNotFlag).ShouldBeEmpty();
        result.Unrecognised.Select(u => u.Inci).ShouldBe(product.ExpectedUnrecognised ?? [], product.Reasoning);
        result.Verdict.ShouldBe(product.ExpectedClasses.Any(c => c is not "fragrance" and not "alcohol-denat")
            ? Vocabulary.AftercareVerdict.Avoid
            : product.ExpectedClasses.Length > 0 || product.ExpectedUnrecognised is { Length: > 0 } ? Vocabulary.AftercareVerdict.Caution : Vocabulary.AftercareVerdict.Ok);
    }

    /// <summary>DESIGN §3 Recognition: the vocabulary knows nearly every name real labels print (issue target 99 %).</summary>
    [Fact]
    public void At_least_99_percent_of_the_ingredients_of_the_published_lists_are_recognised()
    {
        var ingredients = FileNames.Select(Read).SelectMany(p => Checks.Check(p.Inci, 0m).Ingredients).ToList();

        var share = ingredients.Count(i => i.Recognised) / (double)ingredients.Count;

        share.ShouldBeGreaterThanOrEqualTo(0.99, $"{ingredients.Count(i => !i.Recognised)} of {ingredients.Count} not recognised");
    }

    private static CorpusProduct Read(string file) =>
        JsonSerializer.Deserialize<CorpusProduct>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Aftercare", "Corpus", file)), JsonSerializerOptions.Web)!;

    /// <param name="ExpectedUnrecognised">The entries no vocabulary list, class or construction knows, as printed (misprints, other languages).</param>
    private sealed record CorpusProduct(
        string Product, string Source, string Inci, string[] ExpectedClasses, string[] ExpectedBenefits, string[] MustNotFlag, string Reasoning, string[]? ExpectedUnrecognised = null);
}
