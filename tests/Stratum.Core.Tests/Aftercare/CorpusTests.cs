using System.Text.Json;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>
/// Published INCI lists of real products (Corpus/README.md): each must give exactly the avoid/careful classes and the
/// helpful classes decided for it from ingredients.md, and none of the classes a naive checker would report.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Aftercare", "Corpus"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_corpus_holds_at_least_forty_published_lists()
    {
        Files().Count.ShouldBeGreaterThanOrEqualTo(40);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Published_list_gets_exactly_its_expected_classes(string file)
    {
        var product = JsonSerializer.Deserialize<CorpusProduct>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Aftercare", "Corpus", file)), JsonSerializerOptions.Web)!;
        product.Source.ShouldNotBeNullOrWhiteSpace();

        var result = Checks.Check(product.Inci, 0m);

        result.FlagClasses().ShouldBe(product.ExpectedClasses.Order(StringComparer.Ordinal).ToArray(), product.Reasoning);
        result.BenefitClasses().ShouldBe(product.ExpectedBenefits.Order(StringComparer.Ordinal).ToArray(), product.Reasoning);
        result.FlagClasses().Intersect(product.MustNotFlag).ShouldBeEmpty();
        result.Verdict.ShouldBe(product.ExpectedClasses.Any(c => c is not "fragrance" and not "alcohol-denat")
            ? Vocabulary.AftercareVerdict.Avoid
            : product.ExpectedClasses.Length > 0 ? Vocabulary.AftercareVerdict.Caution : Vocabulary.AftercareVerdict.Ok);
    }

    private sealed record CorpusProduct(string Product, string Source, string Inci, string[] ExpectedClasses, string[] ExpectedBenefits, string[] MustNotFlag, string Reasoning);
}
