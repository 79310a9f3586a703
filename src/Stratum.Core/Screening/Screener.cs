using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Screening;

/// <summary>One rule that fired, with why and on what evidence.</summary>
/// <param name="NotBefore">First day the rule no longer holds (inclusive); null when no date can be given.</param>
/// <param name="Evidence">The strength of the best source: conventions and unverified claims are shown as such.</param>
public sealed record Finding(
    string Rule,
    Verdict Verdict,
    DateOnly? NotBefore,
    string Message,
    IReadOnlyList<string> Sources,
    SourceStatus Evidence,
    string? Advice = null);

/// <summary>The screening verdict (DESIGN §3): the worst finding, every finding listed.</summary>
/// <param name="NotBefore">Only with a <c>defer</c> verdict: the latest date among the dated defer findings.</param>
public sealed record ScreeningResult(
    Verdict Verdict,
    DateOnly? NotBefore,
    string Summary,
    IReadOnlyList<Finding> Findings,
    string KnowledgeVersion);

/// <summary>Screens an intake against every rule of knowledge/screening.json (clinical-rules.md §1).</summary>
public sealed class Screener(KnowledgeBase knowledge)
{
    private readonly TriggerEvaluator _triggers = new(knowledge);

    public ScreeningResult Screen(Intake intake)
    {
        var findings = new List<Finding>();
        foreach (var (rule, verdict, match) in _triggers.Fired(knowledge.ScreeningRules, intake))
        {
            var message = match.StillTaking ? $"{rule.Message} {knowledge.Screening.Terms.StillTaking}" : rule.Message;
            findings.Add(new Finding(rule.Code, verdict, match.NotBefore, message, rule.Sources, knowledge.EvidenceOf(rule.Sources), rule.AdviceIn(intake.Setting)));
        }

        var worst = Verdict.Proceed;
        foreach (var finding in findings)
        {
            worst = finding.Verdict > worst ? finding.Verdict : worst;
        }

        var defers = worst == Verdict.Defer ? findings.FindAll(f => f.Verdict == Verdict.Defer) : [];
        var notBefore = defers.Count > 0 ? defers.Max(f => f.NotBefore) : null;
        return new ScreeningResult(worst, notBefore, Summarise(worst, notBefore, defers), findings, knowledge.Version);
    }

    private string Summarise(Verdict verdict, DateOnly? notBefore, List<Finding> defers)
    {
        var s = knowledge.Screening.Terms.Summaries;
        var undated = string.Join(", ", defers.Where(f => f.NotBefore is null).Select(f => f.Rule));
        var template = verdict switch
        {
            Verdict.Proceed => s.Proceed,
            Verdict.Caution => s.Caution,
            Verdict.Defer when notBefore is null => s.Defer,
            Verdict.Defer when undated.Length > 0 => s.DeferDatedAndUndated,
            Verdict.Defer => s.DeferDated,
            Verdict.Refer => s.Refer,
            _ => s.Decline,
        };
        return template.Replace("{date}", notBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{rules}", undated, StringComparison.Ordinal);
    }
}
