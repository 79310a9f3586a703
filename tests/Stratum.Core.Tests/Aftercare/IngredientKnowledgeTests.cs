using Stratum.Core.Knowledge;

namespace Stratum.Core.Tests.Aftercare;

/// <summary>knowledge/ingredients.json is checked at load like the other files: a clinic's mistake is named, never ignored.</summary>
public sealed class IngredientKnowledgeTests
{
    private static readonly string Shipped = KnowledgeBase.ReadEmbedded(KnowledgeBase.IngredientsFile);

    private static string[] ErrorsAfter(string find, string replace)
    {
        var changed = Shipped.Replace(find, replace, StringComparison.Ordinal);
        changed.ShouldNotBe(Shipped, "the replacement must change the file");
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.IngredientsFile ? changed : null, out _, out var errors).ShouldBeFalse();
        return [.. errors.Select(e => e.ToString())];
    }

    [Theory]
    [InlineData("\"patterns\": [\" (shell|seed|pit|stone) powder$\"]", "\"patterns\": [\" (shell|seed powder$\"]", "ingredients.json: exfoliant: the pattern ' (shell|seed powder$' is not a valid regular expression")]
    [InlineData("\"code\": \"pha\"", "\"code\": \"retinoid\"", "ingredients.json: retinoid: the class is defined twice")]
    [InlineData("\"code\": \"pha\"", "\"code\": \"retinoid\"", "ingredients.json: pha: the class is missing")]
    [InlineData("\"code\": \"bha\",\n      \"windowHours\": 72", "\"code\": \"bha\",\n      \"windowHours\": -5", "ingredients.json: bha: an avoid or careful class needs windowHours from 0 to 8760")]
    [InlineData("\"code\": \"centella\",", "\"code\": \"centella\",\n      \"windowHours\": 24,", "ingredients.json: centella: a helpful class has no window")]
    [InlineData("\"sources\": [\"seed-002\"],\n      \"steps\": [\n        { \"match\": false, \"names\": [\"Sodium Gluconate\"", "\"sources\": [\"seed-999\"],\n      \"steps\": [\n        { \"match\": false, \"names\": [\"Sodium Gluconate\"", "ingredients.json: pha: source 'seed-999' does not exist")]
    [InlineData("\"names\": [\"Gluconolactone\",", "\"names\": [\"Gluconolactone\", \"gluconolactone\",", "ingredients.json: pha: 'gluconolactone' is listed twice")]
    [InlineData("\"when\": \"first-position\"", "\"when\": \"last-position\"", "ingredients.json: exfoliant: $.classes[6].steps[2].when: 'last-position' is not a valid PositionCondition code")]
    [InlineData("\"windowHours\": 72,\n      \"reason\": \"Benzoyl", "\"windowHours\": 72,\n      \"reasons\": \"Benzoyl", "ingredients.json: benzoyl-peroxide: $.classes[5]")]
    public void A_broken_ingredient_file_is_refused_naming_the_class_and_the_problem(string find, string replace, string expected)
    {
        ErrorsAfter(find, replace).ShouldContain(e => e.StartsWith(expected, StringComparison.Ordinal), string.Join("\n", ErrorsAfter(find, replace)));
    }

    [Fact]
    public void Every_class_names_sources_that_exist_and_every_flag_class_has_a_window()
    {
        foreach (var c in KnowledgeBase.Default.Ingredients.Data.Classes)
        {
            c.Sources.ShouldNotBeEmpty();
            c.Sources.ShouldAllBe(s => KnowledgeBase.Default.FindSource(s) != null);
            (c.WindowHours is not null).ShouldBe(Core.Aftercare.AftercareChecker.IsFlagClass(c.Code));
        }
    }
}
