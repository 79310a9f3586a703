using Stratum.Core.Input;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Outcomes;

/// <summary>One scar type of the Goodman &amp; Baron quantitative scale: a lesion count, or for keloidal scars an area.</summary>
public sealed record LesionCount(string Type, int? Count = null, decimal? AreaCm2 = null);

/// <summary>One assessment: a qualitative grade (1–4; null = no scarring / not graded) and/or lesion counts.</summary>
public sealed record Assessment(int? QualitativeGrade, IReadOnlyList<LesionCount>? Lesions, DateOnly? Date = null, string? Label = null);

public sealed record LesionScore(string Type, int? Count, decimal? AreaCm2, int Band, int Points);

public sealed record AssessmentScore(
    DateOnly? Date,
    string? Label,
    int? QualitativeGrade,
    string? QualitativeLevel,
    string? QualitativeDefinition,
    int? QuantitativeScore,
    string QuantitativeLabel,
    IReadOnlyList<LesionScore> Lesions);

/// <summary>Baseline (first assessment) against the latest (outcomes.md §5).</summary>
/// <param name="Category">improved-2+, improved-1, unchanged or worse; null when either grade is missing.</param>
/// <param name="PercentChange">Null when the baseline score is 0.</param>
public sealed record Improvement(
    int? BaselineGrade,
    int? LatestGrade,
    int? GradeChange,
    string? Category,
    bool TwoGradeImprovementPossible,
    bool ImprovedByTwoGrades,
    int? BaselineScore,
    int? LatestScore,
    int? ScoreChange,
    decimal? PercentChange,
    string Note);

/// <summary>The answer of <c>stratum score</c>: the latest assessment's scores, and the improvement over a series.</summary>
public sealed record ScoreResult(
    int? QualitativeGrade,
    string? QualitativeLevel,
    int? QuantitativeScore,
    string QuantitativeLabel,
    int QuantitativeMaximum,
    IReadOnlyList<AssessmentScore> Assessments,
    Improvement? Improvement,
    IReadOnlyList<string> Sources,
    string KnowledgeVersion);

/// <summary>Goodman &amp; Baron qualitative grade and quantitative score (outcomes.md §1–§2, knowledge/outcomes.json).</summary>
public sealed class Scorer(KnowledgeBase knowledge)
{
    private const int MaxLesions = 10_000;

    /// <summary>
    /// Reads either one assessment (<c>qualitativeGrade</c> and/or <c>lesions</c>) or a series
    /// (<c>assessments</c>, oldest first).
    /// </summary>
    public InputResult<IReadOnlyList<Assessment>> Parse(JsonText json) => JsonInput.Parse(json, Read);

    /// <summary>The assessment fields of an object that may carry other fields too (a clinic's record adds the session and photos).</summary>
    public IReadOnlyList<Assessment>? Read(ObjectReader o)
    {
        if (o.Has("assessments"))
        {
            var series = o.Objects("assessments", a => ReadAssessment(a, series: true), maxItems: 100);
            if (series.Count == 0 && !o.HasErrors)
            {
                o.Error("assessments", "needs at least one assessment");
            }

            return series;
        }

        return ReadAssessment(o, series: false) is { } single ? [single] : null;
    }

    public ScoreResult Score(IReadOnlyList<Assessment> assessments)
    {
        var scores = assessments.Select(ScoreOne).ToList();
        var latest = scores[^1];
        var q = knowledge.Outcomes.Quantitative;
        return new ScoreResult(
            latest.QualitativeGrade,
            latest.QualitativeLevel,
            latest.QuantitativeScore,
            q.Label,
            q.Maximum,
            scores,
            scores.Count > 1 ? Improve(scores[0], latest) : null,
            [knowledge.Outcomes.Qualitative.Source, q.Source],
            knowledge.Version);
    }

    private Assessment? ReadAssessment(ObjectReader o, bool series)
    {
        var date = series ? o.Date("date") : null;
        var label = series ? o.Text("label", 200) : null;
        var grade = o.Integer("qualitativeGrade", 1, 4);
        var hasLesions = o.Has("lesions");
        var lesions = o.Objects("lesions", ReadLesion);
        foreach (var repeated in lesions.GroupBy(l => l.Type).Where(g => g.Count() > 1))
        {
            o.Error("lesions", $"'{repeated.Key}' is listed more than once; each scar type appears once per assessment");
        }

        if (grade is null && !hasLesions && !o.HasErrors && !o.Has("qualitativeGrade"))
        {
            o.Error("qualitativeGrade", "give qualitativeGrade (1–4) and/or lesions");
            return null;
        }

        return new Assessment(grade, hasLesions ? lesions : null, date, label);
    }

    private LesionCount? ReadLesion(ObjectReader o)
    {
        var q = knowledge.Outcomes.Quantitative;
        var type = o.Text("type", 64, required: true);
        if (type is null)
        {
            return null;
        }

        if (type == q.Keloidal.Code)
        {
            var area = o.Number("areaCm2", 0m, 10_000m, required: true);
            if (o.Has("count"))
            {
                o.Error("count", "keloidal scars are scored by area: give areaCm2, not count");
            }

            return area is null ? null : new LesionCount(type, AreaCm2: area);
        }

        // The count is read even for an unknown type, so it is checked and not reported as an unknown field.
        var count = o.Integer("count", 0, MaxLesions, required: true);
        if (q.Types.All(t => t.Code != type))
        {
            o.Error("type", $"unknown scar type '{ObjectReader.Printable(type)}'; expected one of {string.Join(", ", q.Types.Select(t => t.Code).Append(q.Keloidal.Code))}");
            return null;
        }

        if (o.Has("areaCm2"))
        {
            o.Error("areaCm2", "only keloidal scars are scored by area; give count");
        }

        return count is null ? null : new LesionCount(type, count);
    }

    private AssessmentScore ScoreOne(Assessment a)
    {
        var q = knowledge.Outcomes.Quantitative;
        var grade = a.QualitativeGrade is { } g ? knowledge.Outcomes.Qualitative.Grades.First(x => x.Grade == g) : null;
        var lesions = (a.Lesions ?? []).Select(l =>
        {
            if (l.AreaCm2 is { } area)
            {
                var band = area == 0 ? null : q.Keloidal.AreaBands.First(b => (b.Below is null && b.UpTo is null) || area < b.Below || area <= b.UpTo);
                return new LesionScore(l.Type, null, area, band is null ? 0 : q.Keloidal.AreaBands.ToList().IndexOf(band) + 1, band?.Points ?? 0);
            }

            var count = l.Count!.Value;
            var countBand = count == 0 ? 0 : q.CountBands.First(b => b.UpTo is null || count <= b.UpTo).Band;
            return new LesionScore(l.Type, count, null, countBand, q.Types.First(t => t.Code == l.Type).Weight * countBand);
        }).ToList();

        return new AssessmentScore(a.Date, a.Label, grade?.Grade, grade?.Level, grade?.Definition,
            a.Lesions is null ? null : lesions.Sum(l => l.Points), q.Label, lesions);
    }

    private Improvement Improve(AssessmentScore baseline, AssessmentScore latest) =>
        Improve(baseline.QualitativeGrade, baseline.QuantitativeScore, latest.QualitativeGrade, latest.QuantitativeScore);

    /// <summary>Baseline against latest from grades and scores already worked out (a clinic's stored assessments).</summary>
    public Improvement Improve(int? baselineGrade, int? baselineScore, int? latestGrade, int? latestScore)
    {
        var gradeChange = baselineGrade - latestGrade;
        var category = gradeChange switch
        {
            null => null,
            >= 2 => "improved-2+",
            1 => "improved-1",
            0 => "unchanged",
            _ => "worse",
        };
        var scoreChange = baselineScore - latestScore;
        decimal? percent = scoreChange is { } change && baselineScore is { } b && b > 0
            ? Math.Round(change * 100m / b, 1)
            : null;
        return new Improvement(
            baselineGrade,
            latestGrade,
            gradeChange,
            category,
            baselineGrade >= 3,
            gradeChange >= 2,
            baselineScore,
            latestScore,
            scoreChange,
            percent,
            knowledge.Outcomes.Improvement.Note);
    }
}
