using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

/// <summary>A checked screening or device rule: its triggers, the verdict in each setting (null: the rule does not apply there) and its explanation.</summary>
public sealed record Rule<TVerdict>(
    string Code,
    IReadOnlyList<Trigger> When,
    TVerdict? Clinic,
    TVerdict? Home,
    string Message,
    string? ClinicAdvice,
    string? HomeAdvice,
    IReadOnlyList<string> Sources)
    where TVerdict : struct, Enum
{
    public TVerdict? VerdictIn(Setting setting) => setting == Setting.Clinic ? Clinic : Home;

    public string? AdviceIn(Setting setting) => setting == Setting.Clinic ? ClinicAdvice : HomeAdvice;
}

/// <summary>A problem in a knowledge file, naming the file and the entry.</summary>
public sealed record KnowledgeError(string File, string Entry, string Message)
{
    public override string ToString() => Entry.Length == 0 ? $"{File}: {Message}" : $"{File}: {Entry}: {Message}";
}
