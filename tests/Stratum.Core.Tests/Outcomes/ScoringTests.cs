using Stratum.Core.Knowledge;
using Stratum.Core.Outcomes;

namespace Stratum.Core.Tests.Outcomes;

public sealed class ScoringTests
{
    private static readonly Scorer Scorer = new(KnowledgeBase.Default);

    private static ScoreResult ScoreOf(string json) => Scorer.Score(Scorer.Parse(json).Value);

    [Theory]
    [InlineData("macular", 10, 1)]
    [InlineData("macular", 11, 2)]
    [InlineData("mild-atrophic", 21, 3)]
    [InlineData("moderate-atrophic", 20, 4)]
    [InlineData("broad-deep", 21, 9)]
    [InlineData("papular", 5, 2)]
    [InlineData("linear-troughed", 0, 0)]
    public void Quantitative_points_are_group_weight_times_count_band(string type, int count, int points)
    {
        ScoreOf($$"""{"lesions":[{"type":"{{type}}","count":{{count}}}]}""").QuantitativeScore.ShouldBe(points);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("4.9", 6)]
    [InlineData("5", 12)]
    [InlineData("20", 12)]
    [InlineData("20.1", 18)]
    public void Keloidal_scars_score_by_area(string area, int points)
    {
        ScoreOf($$"""{"lesions":[{"type":"keloidal","areaCm2":{{area}}}]}""").QuantitativeScore.ShouldBe(points);
    }

    [Fact]
    public void Every_type_at_its_worst_scores_the_maximum_of_84()
    {
        var types = KnowledgeBase.Default.Outcomes.Quantitative.Types.Select(t => $$"""{"type":"{{t.Code}}","count":25}""");
        var result = ScoreOf($$"""{"lesions":[{{string.Join(",", types)}},{"type":"keloidal","areaCm2":30}]}""");
        result.QuantitativeScore.ShouldBe(84);
        result.QuantitativeScore.ShouldBe(result.QuantitativeMaximum);
        result.QuantitativeLabel.ShouldContain("unverified");
    }

    [Fact]
    public void Qualitative_grade_names_its_level()
    {
        var result = ScoreOf("""{"qualitativeGrade":3}""");
        result.QualitativeLevel.ShouldBe("moderate");
        result.QuantitativeScore.ShouldBeNull();
    }

    [Theory]
    [InlineData(4, 2, "improved-2+", true)]
    [InlineData(3, 2, "improved-1", false)]
    [InlineData(2, 2, "unchanged", false)]
    [InlineData(2, 3, "worse", false)]
    public void Improvement_compares_baseline_with_latest(int baseline, int latest, string category, bool twoGrades)
    {
        var result = ScoreOf($$"""{"assessments":[{"label":"baseline","qualitativeGrade":{{baseline}}},{"qualitativeGrade":3},{"label":"6 months","qualitativeGrade":{{latest}}}]}""");
        result.Improvement!.Category.ShouldBe(category);
        result.Improvement.ImprovedByTwoGrades.ShouldBe(twoGrades);
        result.QualitativeGrade.ShouldBe(latest);
    }

    [Fact]
    public void Two_grade_improvement_is_possible_only_from_baseline_three_or_four()
    {
        ScoreOf("""{"assessments":[{"qualitativeGrade":2},{"qualitativeGrade":1}]}""").Improvement!.TwoGradeImprovementPossible.ShouldBeFalse();
        ScoreOf("""{"assessments":[{"qualitativeGrade":3},{"qualitativeGrade":1}]}""").Improvement!.TwoGradeImprovementPossible.ShouldBeTrue();
    }

    [Fact]
    public void Score_change_is_reported_in_points_and_percent_but_no_percent_from_zero()
    {
        var improved = ScoreOf("""{"assessments":[{"lesions":[{"type":"broad-deep","count":25}]},{"lesions":[{"type":"broad-deep","count":5}]}]}""").Improvement!;
        (improved.ScoreChange, improved.PercentChange).ShouldBe((6, 66.7m));
        ScoreOf("""{"assessments":[{"lesions":[]},{"lesions":[{"type":"macular","count":1}]}]}""").Improvement!.PercentChange.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"qualitativeGrade":0}""", "$.qualitativeGrade")]
    [InlineData("""{"qualitativeGrade":5}""", "$.qualitativeGrade")]
    [InlineData("""{}""", "$.qualitativeGrade")]
    [InlineData("""{"lesions":[{"type":"ice-pick","count":3}]}""", "$.lesions[0].type")]
    [InlineData("""{"lesions":[{"type":"macular","count":-1}]}""", "$.lesions[0].count")]
    [InlineData("""{"lesions":[{"type":"keloidal","count":3}]}""", "$.lesions[0].areaCm2")]
    [InlineData("""{"lesions":[{"type":"macular","count":1},{"type":"macular","count":2}]}""", "$.lesions")]
    public void Bad_scores_are_input_errors(string json, string path)
    {
        Scorer.Parse(json).Errors.ShouldContain(e => e.Path == path);
    }
}
