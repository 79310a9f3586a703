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
        var worst = Verdict.Proceed;
        foreach (var (rule, verdict, match) in _triggers.Fired(knowledge.ScreeningRules, intake))
        {
            var message = match.StillTaking ? $"{rule.Message} {knowledge.Screening.Terms.StillTaking}" : rule.Message;
            findings.Add(new Finding(rule.Code, verdict, match.NotBefore, message, rule.Sources, knowledge.EvidenceOf(rule.Sources), rule.AdviceIn(intake.Setting)));
            worst = verdict > worst ? verdict : worst;
        }

        // A defer waits for the latest of its dated findings; the undated ones are named in the summary.
        DateOnly? notBefore = null;
        List<string>? undated = null;
        if (worst == Verdict.Defer)
        {
            foreach (var finding in findings)
            {
                if (finding.Verdict != Verdict.Defer)
                {
                    continue;
                }

                if (finding.NotBefore is { } date)
                {
                    notBefore = notBefore > date ? notBefore : date;
                }
                else
                {
                    (undated ??= []).Add(finding.Rule);
                }
            }
        }

        return new ScreeningResult(worst, notBefore, Summarise(worst, notBefore, undated), findings, knowledge.Version);
    }

    /// <summary>The rule's plain title ("active acne"); a rule code never reaches the summary when the rule has one.</summary>
    private string TitleOf(string code) => knowledge.ScreeningRules.First(r => r.Code == code).Title ?? code;

    private string Summarise(Verdict verdict, DateOnly? notBefore, List<string>? undated)
    {
        var s = knowledge.Screening.Terms.Summaries;
        var template = verdict switch
        {
            Verdict.Proceed => s.Proceed,
            Verdict.Caution => s.Caution,
            Verdict.Defer when notBefore is null => s.Defer,
            Verdict.Defer when undated is not null => s.DeferDatedAndUndated,
            Verdict.Defer => s.DeferDated,
            Verdict.Refer => s.Refer,
            _ => s.Decline,
        };

        // A template without a placeholder comes back as it is, with nothing made.
        return template.Replace("{date}", notBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{rules}", undated is null ? "" : Prose.List([.. undated.Select(TitleOf)]), StringComparison.Ordinal);
    }
}
