using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

/// <summary>A checked screening or device rule: its triggers, the verdict in each setting (null: the rule does not apply there) and its explanation.</summary>
public sealed record Rule<TVerdict>(
    string Code,
    IReadOnlyList<CheckedTrigger> When,
    TVerdict? Clinic,
    TVerdict? Home,
    string Message,
    string? ClinicAdvice,
    string? HomeAdvice,
    IReadOnlyList<string> Sources,
    string? Title = null)
    where TVerdict : struct, Enum
{
    public TVerdict? VerdictIn(Setting setting) => setting == Setting.Clinic ? Clinic : Home;

    public string? AdviceIn(Setting setting) => setting == Setting.Clinic ? ClinicAdvice : HomeAdvice;
}

/// <summary>
/// A checked trigger: the file's trigger, with its lists of codes as sets made once when the knowledge is loaded, since
/// every trigger is tested against every entry of every intake.
/// </summary>
public sealed class CheckedTrigger(Trigger trigger)
{
    public Trigger Trigger { get; } = trigger;

    internal CodeSet<Condition> Conditions { get; } = CodeSet<Condition>.Of(trigger.Condition);

    internal CodeSet<ConditionStatus> Statuses { get; } = CodeSet<ConditionStatus>.Of(trigger.Status);

    internal CodeSet<Medication> Medications { get; } = CodeSet<Medication>.Of(trigger.Medication);

    internal CodeSet<Allergy> Allergies { get; } = CodeSet<Allergy>.Of(trigger.Allergy);

    internal CodeSet<Procedure> Procedures { get; } = CodeSet<Procedure>.Of(trigger.Procedure);

    internal CodeSet<Mechanism> Mechanisms { get; } = CodeSet<Mechanism>.Of(trigger.Mechanism);
}

/// <summary>A problem in a knowledge file, naming the file and the entry.</summary>
public sealed record KnowledgeError(string File, string Entry, string Message)
{
    public override string ToString() => Entry.Length == 0 ? $"{File}: {Message}" : $"{File}: {Entry}: {Message}";
}
