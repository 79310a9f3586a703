using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Screening;

public sealed class ConditionStatusTests
{
    private static readonly ScreeningTerms Terms = KnowledgeBase.Default.Screening.Terms;

    private static InputResult<Intake> Parse(string conditions) =>
        Intake.Parse($$"""{"setting":"home","date":"2026-12-01","conditions":[{{conditions}}]}""", Generators.Today, KnowledgeBase.Default);

    [Theory]
    [InlineData("pregnancy")]
    [InlineData("breastfeeding")]
    [InlineData("sunburn")]
    [InlineData("open-wound")]
    [InlineData("skin-infection")]
    public void A_state_that_cannot_be_controlled_with_status_controlled_is_rejected_naming_conditions_i_status(string condition)
    {
        var result = Parse($$"""{"code":"rosacea","status":"controlled"},{"code":"{{condition}}","status":"controlled"}""");

        result.IsValid.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("$.conditions[1].status");
        error.Message.ShouldContain($"not a status of {condition}");
        error.Message.ShouldContain("give active or history");
    }

    [Fact]
    public void Pregnancy_with_status_controlled_is_an_input_error_not_a_proceed()
    {
        var result = Parse("""{"code":"pregnancy","status":"controlled"}""");
        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.conditions[0].status");
    }

    [Fact]
    public void Pregnancy_active_or_in_the_past_is_read()
    {
        var intake = Parse("""{"code":"pregnancy","status":"active"},{"code":"sunburn","status":"history"}""").Value;
        intake.Conditions.ShouldBe([new ConditionEntry(Condition.Pregnancy, ConditionStatus.Active), new ConditionEntry(Condition.Sunburn, ConditionStatus.History)]);
    }

    [Fact]
    public void A_chronic_condition_takes_all_three_statuses()
    {
        Terms.StatusesOf(Condition.Rosacea).ShouldBe([ConditionStatus.Active, ConditionStatus.Controlled, ConditionStatus.History]);
        Terms.StatusesOf(Condition.Pregnancy).ShouldBe([ConditionStatus.Active, ConditionStatus.History]);
        Terms.StatusProblem(Condition.Eczema, ConditionStatus.Controlled).ShouldBeNull();
    }

    [Fact]
    public void A_clinic_can_declare_more_conditions_without_a_rebuild()
    {
        var text = KnowledgeBase.ReadEmbedded(KnowledgeBase.ScreeningFile)
            .Replace("\"pregnancy\", \"breastfeeding\",", "\"pregnancy\", \"breastfeeding\", \"diabetes\",", StringComparison.Ordinal);
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.ScreeningFile ? text : null, out var knowledge, out var errors).ShouldBeTrue(string.Join("\n", errors));

        knowledge!.Screening.Terms.StatusesOf(Condition.Diabetes).ShouldNotContain(ConditionStatus.Controlled);
    }

    [Fact]
    public void A_condition_declared_twice_is_a_knowledge_error()
    {
        var text = KnowledgeBase.ReadEmbedded(KnowledgeBase.ScreeningFile)
            .Replace("\"pregnancy\", \"breastfeeding\",", "\"pregnancy\", \"pregnancy\", \"breastfeeding\",", StringComparison.Ordinal);
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.ScreeningFile ? text : null, out _, out var errors).ShouldBeFalse();

        errors.ShouldContain(e => e.Message.Contains("'pregnancy' is declared twice"));
    }
}
