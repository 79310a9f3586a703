using FsCheck;
using FsCheck.Fluent;
using Stratum.Core.Knowledge;
using Stratum.Core.Screening;

namespace Stratum.Core.Tests.Screening;

public sealed class ScreeningPropertyTests
{
    private static readonly Screener Screener = new(KnowledgeBase.Default);

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Adding_a_condition_never_lowers_the_verdict() =>
        Prop.ForAll(Generators.Intake.ToArbitrary(), Generators.Condition.ToArbitrary(), (intake, extra) =>
        {
            var more = intake with { Conditions = intake.Conditions.Where(c => c.Code != extra.Code).Append(extra).ToList() };
            var less = intake with { Conditions = intake.Conditions.Where(c => c.Code != extra.Code).ToList() };
            return Screener.Screen(more).Verdict >= Screener.Screen(less).Verdict;
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Not_before_is_never_before_the_screening_date() =>
        Prop.ForAll(Generators.Intake.ToArbitrary(), intake =>
        {
            var result = Screener.Screen(intake);
            return (result.NotBefore is null || result.NotBefore > intake.Date)
                && result.Findings.All(f => f.NotBefore is null || f.NotBefore > intake.Date);
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Every_finding_names_sources_that_exist() =>
        Prop.ForAll(Generators.Intake.ToArbitrary(), intake =>
            Screener.Screen(intake).Findings.All(f => f.Sources.Count > 0 && f.Sources.All(s => KnowledgeBase.Default.FindSource(s) is not null)));

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property The_verdict_is_the_worst_finding_and_only_a_defer_carries_a_top_level_date() =>
        Prop.ForAll(Generators.Intake.ToArbitrary(), intake =>
        {
            var result = Screener.Screen(intake);
            var worst = result.Findings.Count == 0 ? Stratum.Core.Vocabulary.Verdict.Proceed : result.Findings.Max(f => f.Verdict);
            return result.Verdict == worst && (result.NotBefore is null || result.Verdict == Stratum.Core.Vocabulary.Verdict.Defer);
        });
}
