using FsCheck;
using FsCheck.Fluent;
using Stratum.Core.Aftercare;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>Whatever is pasted, the answer is a clear error naming the problem or a correct result (issue 4, "Bad input").</summary>
public sealed class BadInputTests
{
    private static readonly AftercareContext Context = new(Checks.Now, 24m);

    private static string ErrorFor(string? text)
    {
        var result = AftercareRequest.Parse(text, KnowledgeBase.Default, Context);
        result.IsValid.ShouldBeFalse();
        return result.Errors.ShouldHaveSingleItem().ToString();
    }

    [Theory]
    [InlineData("", "$: is empty")]
    [InlineData("   \n ", "$: is empty")]
    [InlineData(", , ;\n • . |", "$: no ingredients found")]
    [InlineData("Ingredients:", "$: no ingredients found")]
    [InlineData("Aqua, \0Retinol", "$: contains a NUL character")]
    [InlineData("\u0001\u0002\u00ff\u0003PK\u0004", "$: contains control characters")]
    [InlineData("Aqua, Retin\uFFFDl", "$: contains control characters or invalid text")]
    [InlineData("""{ "inci": "" }""", "$.inci: is empty")]
    [InlineData("""{ "inci": "Aqua", "hoursSinceTreatment": -1 }""", "$.hoursSinceTreatment: -1 is out of range")]
    [InlineData("""{ "inci": "Aqua", "hours": 3 }""", "$.hours: unknown field")]
    [InlineData("""{ "inci": "Aqua", "treatedAt": "yesterday" }""", "$.treatedAt: 'yesterday' is not a time")]
    [InlineData("""{ "inci": "Aqua", "treatedAt": "2026-11-26T10:00" }""", "$.treatedAt: 2026-11-26 10:00 is after now")]
    [InlineData("""{ "inci": "Aqua", "treatedAt": "2026-11-24T10:00", "hoursSinceTreatment": 3 }""", "$.treatedAt: give either")]
    [InlineData("""{ "inci": "Aqua", "avoid": [""] }""", "$.avoid[0]: is empty")]
    public void Bad_input_is_refused_naming_the_problem(string text, string expected)
    {
        ErrorFor(text).ShouldStartWith(expected);
    }

    [Fact]
    public void Five_megabytes_of_text_is_refused_as_too_large()
    {
        ErrorFor(string.Concat(Enumerable.Repeat("Aqua, Glycerin, ", 5 * 1024 * 1024 / 16))).ShouldStartWith("$: is too large");
    }

    [Fact]
    public void Two_hundred_thousand_items_are_refused_as_more_than_one_product()
    {
        ErrorFor(string.Join(",", Enumerable.Repeat("a", 200_000))).ShouldStartWith("$: has more than 1,000 ingredients");
    }

    [Fact]
    public void Deeply_unbalanced_parentheses_give_a_result()
    {
        var text = new string('(', 50_000) + "Retinol" + new string(']', 50_000);

        var request = AftercareRequest.Parse(text, KnowledgeBase.Default, Context);

        request.IsValid.ShouldBeTrue();
        new AftercareChecker(KnowledgeBase.Default).Check(request.Value).Ingredients.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_routine_with_a_bad_product_names_that_product()
    {
        var result = RoutineRequest.Parse("""{ "hoursSinceTreatment": 1, "products": [{ "name": "A", "inci": "Aqua" }, { "name": "B", "inci": ",,," }] }""", KnowledgeBase.Default, Context);

        result.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("$.products[1].inci: no ingredients found");
    }

    [Fact]
    public void A_batch_line_without_a_tab_names_its_line()
    {
        BatchLine.Parse("Just a list, Aqua", 7, KnowledgeBase.Default, Context).Errors.ShouldHaveSingleItem().ToString()
            .ShouldBe("line 7: expected name<TAB>ingredient list; no tab found");
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property The_parser_never_throws_on_any_text() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var list = KnowledgeBase.Default.Ingredients.Parser.Parse(text ?? "");
            var request = AftercareRequest.Parse(text, KnowledgeBase.Default, Context);
            var result = request.TryGetValue(out var value) ? new AftercareChecker(KnowledgeBase.Default).Check(value) : null;
            return list.Ingredients.All(i => i.Inci.Length > 0) && (result is null || result.Ingredients.Count > 0);
        });

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property The_parser_never_throws_on_list_like_text() =>
        Prop.ForAll(Gen.Elements(ListPieces).ArrayOf().Select(string.Concat).ToArbitrary(), text =>
            KnowledgeBase.Default.Ingredients.Parser.Parse(text).Ingredients.All(i => i.Inci.Length > 0));

    private static readonly string[] ListPieces =
    [
        "Aqua", "Retinol", ", ", ",", ";", ".", ". ", "\n", "(", ")", "[", "]", "(and)", "/", "\\", "*", "¹", "%", "5%", "0,5", "1,2-", "+/-",
        "May contain", "Ingredients:", "Active ingredient", "Purpose", "Inactive ingredients:", "Warnings", "CI 77891", "No.", "Denat.", "USP", " ", "•", "..", "\u00A0", "–",
    ];
}
