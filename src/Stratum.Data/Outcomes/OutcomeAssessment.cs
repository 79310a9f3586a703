using Stratum.Data.Infrastructure;

namespace Stratum.Data.Outcomes;

/// <summary>A Goodman &amp; Baron assessment (knowledge/outcomes.md) with the photos it was made from.</summary>
public sealed class OutcomeAssessment : Versioned, IClinicOwned
{
    /// <summary>Highest Goodman &amp; Baron quantitative score: every lesion type in its top band.</summary>
    public const int MaxQuantitativeScore = 84;

    private readonly List<Guid> _photoIds = [];

    private OutcomeAssessment(Guid id, Guid clinicId, Guid patientId, Guid? sessionId, DateOnly assessedOn, string assessedBy,
        int? qualitativeGrade, int? quantitativeScore)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        SessionId = sessionId;
        AssessedOn = assessedOn;
        AssessedBy = assessedBy;
        QualitativeGrade = qualitativeGrade;
        QuantitativeScore = quantitativeScore;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid? SessionId { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    public string AssessedBy { get; private set; }

    /// <summary>Goodman &amp; Baron qualitative grade 1–4.</summary>
    public int? QualitativeGrade { get; private set; }

    /// <summary>Goodman &amp; Baron quantitative score (0 to <see cref="MaxQuantitativeScore"/>).</summary>
    public int? QuantitativeScore { get; private set; }

    public IReadOnlyList<Guid> PhotoIds => _photoIds.AsReadOnly();

    public static OutcomeAssessment Assess(Guid clinicId, Guid patientId, Guid? sessionId, DateOnly assessedOn, string assessedBy,
        int? qualitativeGrade, int? quantitativeScore)
    {
        var assessment = new OutcomeAssessment(
            Guid.NewGuid(),
            Guard.Id(clinicId, nameof(clinicId)),
            Guard.Id(patientId, nameof(patientId)),
            sessionId,
            assessedOn,
            Guard.Text(assessedBy, Limits.UserIdLength, nameof(assessedBy)),
            null,
            null);
        assessment.Grade(qualitativeGrade, quantitativeScore);
        return assessment;
    }

    /// <summary>Sets the grade and the score; at least one of them is given.</summary>
    public void Grade(int? qualitativeGrade, int? quantitativeScore)
    {
        if (qualitativeGrade is null && quantitativeScore is null)
        {
            throw new ArgumentException("an assessment has a qualitative grade, a quantitative score or both");
        }

        QualitativeGrade = qualitativeGrade is { } g ? Guard.InRange(g, 1, 4, nameof(qualitativeGrade)) : null;
        QuantitativeScore = quantitativeScore is { } s ? Guard.InRange(s, 0, MaxQuantitativeScore, nameof(quantitativeScore)) : null;
    }

    public void AttachPhoto(Guid photoId)
    {
        if (!_photoIds.Contains(Guard.Id(photoId, nameof(photoId))))
        {
            _photoIds.Add(photoId);
        }
    }
}
