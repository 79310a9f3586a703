using Stratum.Core.Aftercare;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>Runs the aftercare check the way the CLI does for plain text, for tests.</summary>
internal static class Checks
{
    public static readonly DateTime Now = new(2026, 11, 25, 14, 0, 0);

    public static AftercareResult Check(string inci, decimal hours = 24m, params string[] avoid)
    {
        var request = AftercareRequest.Parse(inci, KnowledgeBase.Default, new AftercareContext(Now, hours, Avoid: avoid));
        request.Errors.ShouldBeEmpty();
        return new AftercareChecker(KnowledgeBase.Default).Check(request.Value);
    }

    public static InciList Parse(string inci) => KnowledgeBase.Default.Ingredients.Parser.Parse(inci);

    public static string[] FlagClasses(this AftercareResult result) => [.. result.Flags.Select(f => f.Class).Distinct().Order(StringComparer.Ordinal)];

    public static string[] BenefitClasses(this AftercareResult result) =>
        [.. result.Benefits.Select(b => Vocabulary.Codes.Of(b.Class)).Distinct().Order(StringComparer.Ordinal)];

    public static string[] ClassesOf(this AftercareResult result, string inci) =>
        [.. result.Ingredients.Single(i => i.Inci == inci).Classes.Select(Vocabulary.Codes.Of)];
}
