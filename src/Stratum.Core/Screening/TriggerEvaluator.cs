using Stratum.Core.Knowledge;
using Stratum.Core.Planning;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Screening;

/// <summary>Whether a trigger matched, and the date from which it stops holding when that is known.</summary>
/// <param name="NotBefore">First day the waiting period is over (inclusive); null when undated.</param>
internal readonly record struct Match(bool Matched, DateOnly? NotBefore, bool StillTaking = false)
{
    public static readonly Match No = new(false, null);
    public static readonly Match Undated = new(true, null);

    /// <summary>
    /// Of two matches (two previous sessions; two triggers of one rule) the one that waits longest; an undated match
    /// outranks any date.
    /// </summary>
    public static Match Later(Match result, Match m) =>
        m.Matched && (!result.Matched || result.NotBefore is { } current && (m.NotBefore is null || m.NotBefore > current)) ? m : result;
}

/// <summary>Evaluates the triggers of knowledge rules against an intake (clinical-rules.md §1, precise terms).</summary>
internal sealed class TriggerEvaluator(KnowledgeBase knowledge)
{
    /// <summary>The rules that apply in the intake's setting and fire, each with its verdict there and its match.</summary>
    public IEnumerable<(Rule<TVerdict> Rule, TVerdict Verdict, Match Match)> Fired<TVerdict>(IEnumerable<Rule<TVerdict>> rules, Intake intake)
        where TVerdict : struct, Enum
    {
        foreach (var rule in rules)
        {
            if (rule.VerdictIn(intake.Setting) is { } verdict)
            {
                var match = Match.No;
                for (var i = 0; i < rule.When.Count; i++)
                {
                    match = Match.Later(match, Evaluate(rule.When[i], intake));
                }

                if (match.Matched)
                {
                    yield return (rule, verdict, match);
                }
            }
        }
    }

    public Match Evaluate(CheckedTrigger trigger, Intake intake)
    {
        var t = trigger.Trigger;

        // Index loops, not foreach or LINQ: every trigger of every rule runs on every screening, and an enumerator of
        // a read-only list or a closure would be allocated each time.
        if (t.Condition is not null)
        {
            for (var i = 0; i < intake.Conditions.Count; i++)
            {
                var c = intake.Conditions[i];
                if (trigger.Conditions.Contains(c.Code) && trigger.Statuses.Contains(c.Status))
                {
                    return Match.Undated;
                }
            }

            return Match.No;
        }

        if (t.Medication is not null)
        {
            var match = Match.No;
            for (var i = 0; i < intake.Medications.Count; i++)
            {
                var m = intake.Medications[i];
                match = trigger.Medications.Contains(m.Code) ? Match.Later(match, Medication(t, m, intake.Date)) : match;
            }

            return match;
        }

        if (t.Allergy is not null)
        {
            for (var i = 0; i < intake.Allergies.Count; i++)
            {
                if (trigger.Allergies.Contains(intake.Allergies[i]))
                {
                    return Match.Undated;
                }
            }

            return Match.No;
        }

        if (t.Procedure is not null)
        {
            var days = t.MinimumInterval ? Protocols.MinimumIntervalDays(knowledge.Planning, intake.Setting, intake.Indication, intake.Device?.NeedleLengthMm) : t.WithinDays!.Value;
            var match = Match.No;
            for (var i = 0; i < intake.Procedures.Count; i++)
            {
                var p = intake.Procedures[i];
                match = trigger.Procedures.Contains(p.Code) ? Match.Later(match, Waiting(p.Date.AddDays(days), intake.Date)) : match;
            }

            return match;
        }

        if (t.FitzpatrickAtLeast is { } minimum)
        {
            return intake.Fitzpatrick >= minimum ? Match.Undated : Match.No;
        }

        if (t.AgeBelow is { } age)
        {
            return intake.Age < age ? Match.Undated : Match.No;
        }

        var device = intake.Device;
        if (t.NeedleLongerThanMm is { } length)
        {
            return device?.NeedleLengthMm > length ? Match.Undated : Match.No;
        }

        if (t.Mechanism is not null)
        {
            return device?.Mechanism is { } m && trigger.Mechanisms.Contains(m) ? Match.Undated : Match.No;
        }

        if (t.DeviceNot is { } not)
        {
            return AnyProperty(device, not, false) ? Match.Undated : Match.No;
        }

        if (t.DeviceUnknown is { } unknown)
        {
            return AnyProperty(device, unknown, null) ? Match.Undated : Match.No;
        }

        throw new InvalidOperationException("A checked trigger has exactly one kind.");
    }

    private Match Medication(Trigger t, MedicationEntry m, DateOnly date)
    {
        if (m.LastDose is not { } lastDose)
        {
            return new Match(true, null, StillTaking: !t.Current);
        }

        var end = t.Current ? lastDose.AddDays(knowledge.Screening.Terms.CurrentMedicationDays)
            : t.WithinMonths is { } months ? lastDose.AddMonths(months)
            : lastDose.AddDays(t.WithinDays!.Value);

        // "Current" medication rules carry no date of their own: the finding is a caution, not a wait.
        return end > date ? new Match(true, t.Current ? null : end) : Match.No;
    }

    /// <summary>Whether the device has any of the properties with the given answer (false: lacks it; null: unknown).</summary>
    private static bool AnyProperty(DeviceSpec? device, IReadOnlyList<DeviceProperty> properties, bool? answer)
    {
        for (var i = 0; device is not null && i < properties.Count; i++)
        {
            if (device.Has(properties[i]) == answer)
            {
                return true;
            }
        }

        return false;
    }

    private static Match Waiting(DateOnly end, DateOnly date) => end > date ? new Match(true, end) : Match.No;
}
