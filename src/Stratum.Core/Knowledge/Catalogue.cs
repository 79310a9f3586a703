using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

/// <summary>One rule as shown by <c>stratum rules</c>: what it decides in each setting and on what evidence.</summary>
/// <param name="Kind">screening, device, triage or plan-warning.</param>
/// <param name="Clinic">The verdict or urgency in a clinic; "none" when the rule does not apply there.</param>
public sealed record RuleListing(string Code, string Kind, string Clinic, string Home, string Message, IReadOnlyList<string> Sources, SourceStatus Evidence);

public sealed record RulesResult(IReadOnlyList<RuleListing> Rules, string KnowledgeVersion);

/// <summary>A source of the evidence library and the rules that cite it.</summary>
public sealed record SourceListing(string Id, SourceStatus Status, string Kind, string Citation, string Supports, string Checked, IReadOnlyList<string> UsedBy);

public sealed record SourcesResult(IReadOnlyList<SourceListing> Sources, string KnowledgeVersion);

/// <summary>Every rule and source of the knowledge, for review by a clinic.</summary>
public static class Catalogue
{
    public static RulesResult Rules(KnowledgeBase knowledge) => new(All(knowledge).ToList(), knowledge.Version);

    public static SourcesResult Sources(KnowledgeBase knowledge)
    {
        var rules = All(knowledge).ToList();
        return new SourcesResult(
            knowledge.Sources
                .Select(s => new SourceListing(s.Id, s.Status, s.Kind, s.Citation, s.Supports, s.Checked,
                    rules.Where(r => r.Sources.Contains(s.Id)).Select(r => r.Code).ToList()))
                .ToList(),
            knowledge.Version);
    }

    private static IEnumerable<RuleListing> All(KnowledgeBase k)
    {
        foreach (var r in k.ScreeningRules)
        {
            yield return new RuleListing(r.Code, "screening", Name(r.Clinic), Name(r.Home), r.Message, r.Sources, k.EvidenceOf(r.Sources));
        }

        foreach (var r in k.DeviceRules)
        {
            yield return new RuleListing(r.Code, "device", Name(r.Clinic), Name(r.Home), r.Message, r.Sources, k.EvidenceOf(r.Sources));
        }

        foreach (var r in k.Triage.Rules)
        {
            yield return new RuleListing(r.Code, "triage", Urgencies(r, Setting.Clinic), Urgencies(r, Setting.Home), r.Message, r.Sources, k.EvidenceOf(r.Sources));
        }

        foreach (var w in k.Planning.Warnings)
        {
            yield return new RuleListing(w.Code, "plan-warning", "warning", "warning", w.Message, w.Sources, k.EvidenceOf(w.Sources));
        }
    }

    private static string Name<T>(T? verdict) where T : struct, Enum => verdict is { } v ? Codes.Of(v) : "none";

    private static string Urgencies(TriageRule rule, Setting setting) =>
        string.Join(" / ", rule.Cases.Where(c => c.Setting is null || c.Setting == setting).Select(c => Codes.Of(c.Urgency)).Distinct());
}
