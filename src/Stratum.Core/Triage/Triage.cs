using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Triage;

public sealed record ReportedSymptom(Symptom Code, Trend? Trend = null, Severity? Severity = null);

/// <param name="HoursSinceTreatment">Hours since the end of the treatment.</param>
public sealed record TriageRequest(Setting Setting, decimal HoursSinceTreatment, IReadOnlyList<ReportedSymptom> Symptoms)
{
    /// <summary>Ten years: anything later is not a reaction to this treatment, and more likely a typo.</summary>
    public const decimal MaxHours = 87_600m;

    public static InputResult<TriageRequest> Parse(JsonText json) => JsonInput.Parse(json, Read);

    /// <summary>Reads the triage fields of an object; also part of a clinic's adverse-event report.</summary>
    public static TriageRequest? Read(ObjectReader o)
    {
        var setting = o.Code<Setting>("setting", required: true);
        var hours = o.Number("hoursSinceTreatment", 0m, MaxHours, required: true);
        var symptoms = o.Objects("symptoms", s =>
        {
            var code = s.Code<Symptom>("code", required: true);
            return code is { } c ? new ReportedSymptom(c, s.Code<Trend>("trend"), s.Code<Severity>("severity")) : null;
        });
        foreach (var repeated in symptoms.GroupBy(s => s.Code).Where(g => g.Count() > 1))
        {
            o.Error("symptoms", $"'{Codes.Of(repeated.Key)}' is listed more than once");
        }

        return setting is { } st && hours is { } h ? new TriageRequest(st, h, symptoms) : null;
    }
}

/// <param name="Symptoms">The reported symptoms this rule matched.</param>
public sealed record TriageFinding(string Rule, Urgency Urgency, IReadOnlyList<Symptom> Symptoms, string Message, IReadOnlyList<string> Sources, SourceStatus Evidence);

/// <summary>Triage answer (DESIGN §3 <c>stratum triage</c>): the worst finding's urgency.</summary>
public sealed record TriageResult(Urgency Urgency, IReadOnlyList<TriageFinding> Findings, string KnowledgeVersion);

/// <summary>Expected healing vs. red flags, by symptom and time since treatment (clinical-rules.md §5, knowledge/triage.json).</summary>
public sealed class Triager(KnowledgeBase knowledge)
{
    public TriageResult Triage(TriageRequest request)
    {
        var findings = new List<TriageFinding>();
        var covered = new HashSet<Symptom>();
        TriageRule? fallback = null;
        foreach (var rule in knowledge.Triage.Rules)
        {
            if (rule.Fallback)
            {
                fallback = rule;
                continue;
            }

            Urgency? worst = null;
            var matched = new List<Symptom>();
            foreach (var symptom in request.Symptoms)
            {
                foreach (var triageCase in rule.Cases.Where(c => Matches(c, symptom, request)))
                {
                    worst = worst is { } u && u >= triageCase.Urgency ? u : triageCase.Urgency;
                    if (!matched.Contains(symptom.Code))
                    {
                        matched.Add(symptom.Code);
                    }
                }
            }

            if (worst is { } urgency)
            {
                covered.UnionWith(matched);
                findings.Add(Finding(rule, urgency, matched));
            }
        }

        var uncovered = request.Symptoms.Select(s => s.Code).Where(s => !covered.Contains(s)).ToList();
        if (fallback is not null && uncovered.Count > 0)
        {
            findings.Add(Finding(fallback, fallback.Cases.Max(c => c.Urgency), uncovered));
        }

        var result = findings.Count == 0 ? Urgency.Expected : findings.Max(f => f.Urgency);
        return new TriageResult(result, findings, knowledge.Version);
    }

    private TriageFinding Finding(TriageRule rule, Urgency urgency, IReadOnlyList<Symptom> symptoms) =>
        new(rule.Code, urgency, symptoms, rule.Message, rule.Sources, knowledge.EvidenceOf(rule.Sources));

    private static bool Matches(TriageCase c, ReportedSymptom s, TriageRequest request) =>
        (c.Symptoms is null || c.Symptoms.Contains(s.Code))
        && (c.Severity is null || s.Severity is { } severity && c.Severity.Contains(severity))
        && (c.Trend is null || s.Trend is { } trend && c.Trend.Contains(trend))
        && (c.TrendNot is null || s.Trend is not { } t || !c.TrendNot.Contains(t))
        && (c.Hours is null || c.Hours.Contains(request.HoursSinceTreatment))
        && (c.Setting is null || c.Setting == request.Setting)
        && (c.With is null || request.Symptoms.Any(other => other.Code != s.Code
            && c.With.Symptoms.Contains(other.Code)
            && (c.With.Trend is null || other.Trend is { } ot && c.With.Trend.Contains(ot))));
}
