using System.Text.RegularExpressions;
using Stratum.Core.Planning;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

/// <summary>Checks the knowledge files against each other and against the vocabulary; collects every problem.</summary>
internal sealed partial class KnowledgeValidator(SourceFile sources, List<KnowledgeError> errors)
{
    private readonly HashSet<string> _sourceIds = Unique(sources.Sources.Select(s => s.Id), KnowledgeBase.SourcesFile, errors);

    public IReadOnlyList<Rule<TVerdict>> Rules<TVerdict>(string file, IReadOnlyList<RuleData> rules, bool titled = false) where TVerdict : struct, Enum
    {
        var checkedRules = new List<Rule<TVerdict>>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var before = errors.Count;
            if (!RuleCode().IsMatch(rule.Code))
            {
                Add(file, rule.Code, "the code must look like CI-NAME (capitals, digits and dashes)");
            }

            if (!codes.Add(rule.Code))
            {
                Add(file, rule.Code, "the code is used twice");
            }

            if (rule.When.Count == 0)
            {
                Add(file, rule.Code, "'when' needs at least one trigger");
            }

            foreach (var trigger in rule.When)
            {
                CheckTrigger(file, rule.Code, trigger);
            }

            CheckSources(file, rule.Code, rule.Sources);
            CheckText(file, rule.Code, rule.Message);
            if (titled && string.IsNullOrWhiteSpace(rule.Title))
            {
                Add(file, rule.Code, "'title' is missing: a few plain words for the summary that names it (\"active acne\")");
            }

            var clinic = SettingVerdict<TVerdict>(file, rule, "clinic");
            var home = SettingVerdict<TVerdict>(file, rule, "home");
            foreach (var key in rule.Verdict.Keys.Concat(rule.Advice?.Keys ?? []).Where(k => !Codes.TryParse<Setting>(k, out _)))
            {
                Add(file, rule.Code, $"'{key}' is not a setting; expected {Codes.Expected<Setting>()}");
            }

            if (errors.Count == before)
            {
                checkedRules.Add(new Rule<TVerdict>(rule.Code, rule.When.Select(t => new CheckedTrigger(t)).ToArray(), clinic, home, rule.Message,
                    rule.Advice?.GetValueOrDefault("clinic"), rule.Advice?.GetValueOrDefault("home"), rule.Sources, rule.Title));
            }
        }

        return checkedRules;
    }

    /// <summary>Each condition is declared at most once, with at least one status, a reason and a source (DESIGN §2 status validity).</summary>
    public void ConditionStatuses(ScreeningTerms terms)
    {
        const string file = KnowledgeBase.ScreeningFile;
        if (terms.ConditionStatuses is null)
        {
            Add(file, "terms.conditionStatuses", "is missing: say which conditions take only some statuses (an empty list if none)");
            return;
        }

        var seen = new HashSet<Condition>();
        foreach (var rule in terms.ConditionStatuses)
        {
            var entry = "conditionStatuses " + string.Join(",", rule.Conditions.Select(c => Codes.Of(c)));
            if (rule.Conditions.Count == 0 || rule.Statuses.Count == 0)
            {
                Add(file, entry, "needs at least one condition and one status");
            }

            foreach (var c in rule.Conditions.Where(c => !seen.Add(c)))
            {
                Add(file, entry, $"'{Codes.Of(c)}' is declared twice");
            }

            CheckText(file, entry, rule.Reason);
            CheckSources(file, entry, rule.Sources);
        }
    }

    public void Triage(TriageFile triage)
    {
        const string file = KnowledgeBase.TriageFile;
        Unique(triage.Rules.Select(r => r.Code), file, errors);
        if (triage.Rules.Count(r => r.Fallback) != 1)
        {
            Add(file, "", "exactly one rule must be the fallback");
        }

        foreach (var rule in triage.Rules)
        {
            CheckSources(file, rule.Code, rule.Sources);
            CheckText(file, rule.Code, rule.Message);
            if (!RuleCode().IsMatch(rule.Code))
            {
                Add(file, rule.Code, "the code must look like AE-NAME (capitals, digits and dashes)");
            }

            if (rule.Cases.Count == 0)
            {
                Add(file, rule.Code, "needs at least one case");
            }

            foreach (var triageCase in rule.Cases)
            {
                if (!rule.Fallback && triageCase.Symptoms is not { Count: > 0 })
                {
                    Add(file, rule.Code, "every case needs symptoms");
                }

                if (triageCase.With is { Symptoms.Count: 0 })
                {
                    Add(file, rule.Code, "'with' needs symptoms");
                }
            }
        }

        HealingPhases(file, triage.HealingPhases);
    }

    /// <summary>The phases must cover every hour from 0 once: each starts where the one before ends, the last is open-ended.</summary>
    private void HealingPhases(string file, IReadOnlyList<HealingPhase> phases)
    {
        if (phases.Count == 0)
        {
            Add(file, "healingPhases", "needs at least one phase");
            return;
        }

        var expectedFrom = 0m;
        foreach (var phase in phases)
        {
            CheckSources(file, $"healing phase {phase.Name}", phase.Sources);
            CheckText(file, $"healing phase {phase.Name}", phase.WhatHappens);
            if (phase.FromHours != expectedFrom)
            {
                Add(file, $"healing phase {phase.Name}", $"must start at {expectedFrom} hours, where the phase before it ends");
            }

            if (phase.UntilHours is { } until && until <= phase.FromHours)
            {
                Add(file, $"healing phase {phase.Name}", "must end after it starts");
            }

            expectedFrom = phase.UntilHours ?? expectedFrom;
        }

        if (phases[^1].UntilHours is not null || phases.Take(phases.Count - 1).Any(p => p.UntilHours is null))
        {
            Add(file, "healingPhases", "only the last phase is open-ended (untilHours null)");
        }
    }

    public void Outcomes(OutcomesFile outcomes)
    {
        const string file = KnowledgeBase.OutcomesFile;
        CheckSources(file, "qualitative", [outcomes.Qualitative.Source]);
        CheckSources(file, "quantitative", [outcomes.Quantitative.Source]);
        CheckSources(file, "improvement", outcomes.Improvement.Sources);
        CheckSources(file, "phototypes", [outcomes.Phototypes.Source]);
        if (!outcomes.Qualitative.Grades.Select(g => g.Grade).Order().SequenceEqual([1, 2, 3, 4]))
        {
            Add(file, "qualitative", "the grades must be 1, 2, 3 and 4, each once");
        }

        Unique(outcomes.Quantitative.Types.Select(t => t.Code).Append(outcomes.Quantitative.Keloidal.Code), file, errors);
        if (outcomes.Quantitative.CountBands is not [.., { UpTo: null }] || outcomes.Quantitative.Keloidal.AreaBands is not [.., { Below: null, UpTo: null }])
        {
            Add(file, "quantitative", "the last count band and the last area band must be open-ended (null bounds)");
        }

        if (!outcomes.Phototypes.Types.Select(t => t.Type).Order().SequenceEqual([1, 2, 3, 4, 5, 6]))
        {
            Add(file, "phototypes", "the phototypes must be 1 to 6, each once");
        }
    }

    /// <summary>The session rules the server needs are all present, each with a source; the signal settings make sense.</summary>
    public void Records(RecordsFile records, IngredientsFile ingredients)
    {
        const string file = KnowledgeBase.RecordsFile;
        foreach (var code in Stratum.Core.Records.SessionRules.Codes.Where(c => !records.SessionRules.Any(r => r.Code == c)))
        {
            Add(file, code, "the rule is missing; the server needs it");
        }

        foreach (var code in Scheduling.BookingRules.Codes.Where(c => records.BookingRules?.Any(r => r.Code == c) != true))
        {
            Add(file, code, "the booking rule is missing; the server needs it");
        }

        Unique(records.SessionRules.Select(r => r.Code), file, errors);
        Unique((records.BookingRules ?? []).Select(r => r.Code), file, errors);
        foreach (var rule in records.SessionRules.Concat(records.BookingRules ?? []))
        {
            CheckSources(file, rule.Code, rule.Sources);
            CheckText(file, rule.Code, rule.Message);
        }

        if (records.ScreeningValidDays < 1 || records.Signals.WindowDays < 1 || records.Signals.MinimumEvents < 2)
        {
            Add(file, "", "screeningValidDays and signals.windowDays must be at least 1, signals.minimumEvents at least 2");
        }

        foreach (var kind in records.Signals.Kinds)
        {
            CheckSources(file, kind.Kind, kind.Sources);
            if (kind.Symptoms.Count == 0)
            {
                Add(file, kind.Kind, "a signal kind needs at least one symptom");
            }
        }

        Messages(file, records.Messages, ingredients);
        ConsentForm(file, records.ConsentForm);
    }

    /// <summary>A version name, a title, paragraphs, the photo paragraph and at least one statement to tick, with sources.</summary>
    private void ConsentForm(string file, ConsentFormText? form)
    {
        const string code = "consentForm";
        if (form is null)
        {
            Add(file, code, "the default consent form is missing; the server needs it");
            return;
        }

        if (string.IsNullOrWhiteSpace(form.Version) || form.Version.Length > 64)
        {
            Add(file, code, "the version must be 1 to 64 characters");
        }

        CheckText(file, code, form.Title);
        CheckText(file, code, form.PhotoText);
        if (form.Text.Count == 0 || form.Text.Any(string.IsNullOrWhiteSpace) || form.Statements.Count == 0 || form.Statements.Any(string.IsNullOrWhiteSpace))
        {
            Add(file, code, "the form needs at least one paragraph and one statement to tick, and no empty ones");
        }

        CheckSources(file, code, form.Sources);
    }

    /// <summary>Each message kind once, due before its appointment (reminder) or after its session (the others), worded, with sources.</summary>
    private void Messages(string file, MessageSettings messages, IngredientsFile ingredients)
    {
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            var templates = messages.Kinds.Where(k => k.Kind == kind).ToList();
            var code = "messages." + Codes.Of(kind);
            if (templates.Count != 1)
            {
                Add(file, code, templates.Count == 0 ? "the message kind is missing; the server needs it" : "is defined twice");
                continue;
            }

            var template = templates[0];
            var beforeEvent = kind == MessageKind.AppointmentReminder;
            if (beforeEvent ? template.Hours is >= 0 or < -24 * 30 : template.Hours is <= 0 or > 24 * 365)
            {
                Add(file, code, beforeEvent ? "a reminder is due 1 to 720 hours before the appointment (hours from -720 to -1)" : "hours must be from 1 to 8760 after the session");
            }

            CheckText(file, code, template.Subject);
            if (template.Body.Count == 0 || template.Body.Any(string.IsNullOrWhiteSpace))
            {
                Add(file, code, "the body needs at least one paragraph and no empty ones");
            }

            CheckSources(file, code, template.Sources);
        }

        foreach (var c in ingredients.Classes.Where(c => c.WindowHours is not null && messages.ClassNames.All(n => n.Class != c.Code)))
        {
            Add(file, "messages.classNames", $"'{Codes.Of(c.Code)}' has a window but no name for the aftercare messages");
        }
    }

    private static HashSet<string> Unique(IEnumerable<string> ids, string file, List<KnowledgeError> errors)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids.Where(id => !set.Add(id)))
        {
            errors.Add(new KnowledgeError(file, id, "is defined twice"));
        }

        return set;
    }

    private TVerdict? SettingVerdict<TVerdict>(string file, RuleData rule, string setting) where TVerdict : struct, Enum
    {
        if (!rule.Verdict.TryGetValue(setting, out var text))
        {
            Add(file, rule.Code, $"no verdict for the {setting} setting (use \"none\" when the rule does not apply there)");
            return null;
        }

        if (text == "none")
        {
            return null;
        }

        if (Codes.TryParse<TVerdict>(text, out var verdict))
        {
            return verdict;
        }

        Add(file, rule.Code, $"'{text}' is not a verdict; expected none or {Codes.Expected<TVerdict>()[7..]}");
        return null;
    }

    private void CheckTrigger(string file, string code, Trigger t)
    {
        var kinds = new[]
        {
            t.Condition is not null, t.Medication is not null, t.Allergy is not null, t.Procedure is not null,
            t.FitzpatrickAtLeast is not null, t.AgeBelow is not null, t.NeedleLongerThanMm is not null,
            t.Mechanism is not null, t.DeviceNot is not null, t.DeviceUnknown is not null,
        }.Count(set => set);
        if (kinds != 1)
        {
            Add(file, code, $"each trigger needs exactly one kind (condition, medication, allergy, procedure, fitzpatrickAtLeast, ageBelow, needleLongerThanMm, mechanism, deviceNot, deviceUnknown); found {kinds}");
            return;
        }

        if (t.Condition is not null && t.Status is not { Count: > 0 })
        {
            Add(file, code, "a condition trigger needs 'status'");
        }

        if (t.Medication is not null && new[] { t.Current, t.WithinDays is not null, t.WithinMonths is not null }.Count(x => x) != 1)
        {
            Add(file, code, "a medication trigger needs exactly one of current, withinDays, withinMonths");
        }

        if (t.Procedure is not null && (t.WithinDays is not null) == t.MinimumInterval)
        {
            Add(file, code, "a procedure trigger needs exactly one of withinDays, minimumInterval");
        }

        if (t.WithinDays is < 1 || t.WithinMonths is < 1)
        {
            Add(file, code, "waiting periods must be at least 1");
        }

        if (t.FitzpatrickAtLeast is < 1 or > 6)
        {
            Add(file, code, "fitzpatrickAtLeast must be 1 to 6");
        }
    }

    private void CheckSources(string file, string entry, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            Add(file, entry, "names no source; every rule needs at least one");
        }

        foreach (var id in ids.Where(id => !_sourceIds.Contains(id)))
        {
            Add(file, entry, $"source '{id}' does not exist in {KnowledgeBase.SourcesFile}");
        }
    }

    private void CheckText(string file, string entry, string message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            Add(file, entry, "needs a message");
        }
    }

    private void Add(string file, string entry, string message) => errors.Add(new KnowledgeError(file, entry, message));

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex RuleCode();
}
