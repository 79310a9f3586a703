using System.Globalization;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Aftercare;

/// <summary>
/// Can I put this on now, and if not, from when? Classifies each ingredient of a product (ingredients.md §1.10),
/// applies the position rule (§4.1), and weighs each flag's window against the hours since treatment (§2).
/// </summary>
public sealed class AftercareChecker(KnowledgeBase knowledge)
{
    public const string PersonalClass = "personal";

    private const string PersonalReason = "It is on your own list of ingredients to avoid.";

    private readonly IngredientClassifier _classifier = knowledge.Ingredients;

    public AftercareResult Check(AftercareRequest request)
    {
        var list = request.List.Ingredients;
        var hours = request.Time.HoursSinceTreatment;
        var infos = new KeyInfo[list.Count][];
        var line = int.MaxValue;
        for (var i = 0; i < list.Count; i++)
        {
            var keys = list[i].Keys;
            var row = infos[i] = new KeyInfo[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                row[k] = _classifier.Classify(keys[k]);
                if (row[k].Marker && list[i].Position is { } p && p < line)
                {
                    line = p;
                }
            }
        }

        var avoid = Avoided(request.Avoid);
        var ingredients = new AftercareIngredient[list.Count];
        var flags = new List<AftercareFlag>();
        var benefits = new List<AftercareBenefit>();
        var flagged = new HashSet<(string Key, string Class)>();
        var rule = _classifier.Data.PositionRule;
        for (var i = 0; i < list.Count; i++)
        {
            var ingredient = list[i];
            var classes = new SortedSet<IngredientClass>();
            bool Holds(ClassHit hit) => hit.When switch
            {
                PositionCondition.BeforeOnePercentLine => ingredient.Position is { } p && p <= rule.MaxPosition && p < line,
                PositionCondition.FirstPosition => ingredient.Position == 1,
                _ => true,
            };

            foreach (var info in infos[i])
            {
                classes.UnionWith(info.Hits.Where(Holds).Select(h => h.Class));
            }

            foreach (var key in ingredient.Parenthetical)
            {
                classes.UnionWith(_classifier.Classify(key).Hits.Where(h => h.ByName && Holds(h)).Select(h => h.Class));
            }

            foreach (var key in ingredient.SlashParts)
            {
                classes.UnionWith(_classifier.Classify(key).Hits.Where(h => IsFlagClass(h.Class) && Holds(h)).Select(h => h.Class));
            }

            ingredients[i] = new AftercareIngredient(ingredient.Position, ingredient.Inci, [.. classes]);
            foreach (var c in classes)
            {
                if (!flagged.Add((ingredient.Key, Codes.Of(c))))
                {
                    continue;
                }

                var data = _classifier.ByCode[(int)c];
                if (IsFlagClass(c))
                {
                    var window = data.WindowHours!.Value;
                    flags.Add(new AftercareFlag(ingredient.Inci, ingredient.Position, Codes.Of(c), SeverityOf(c), window, hours < window,
                        data.Reason, data.Sources, knowledge.EvidenceOf(data.Sources)));
                }
                else
                {
                    benefits.Add(new AftercareBenefit(ingredient.Inci, c, data.Reason));
                }
            }

            if (IsAvoided(ingredient, classes, avoid) && flagged.Add((ingredient.Key, PersonalClass)))
            {
                flags.Add(new AftercareFlag(ingredient.Inci, ingredient.Position, PersonalClass, AftercareVerdict.Avoid, null, true, PersonalReason, [], SourceStatus.Convention));
            }
        }

        var verdict = flags.Where(f => f.Open).Select(f => f.Severity).DefaultIfEmpty(AftercareVerdict.Ok).Max();
        int? usableFrom = flags.Any(f => f.WindowHours is null) ? null : flags.Select(f => f.WindowHours!.Value).DefaultIfEmpty(0).Max();
        return new AftercareResult(
            verdict,
            hours,
            usableFrom,
            Summary(verdict, usableFrom, flags, request.Time),
            ingredients,
            flags,
            benefits,
            knowledge.Version,
            request.Name,
            request.Time.TreatedAt,
            request.Time.TreatedAt is { } at && usableFrom is { } h ? at.AddHours(h) : null);
    }

    public RoutineResult Routine(RoutineRequest request)
    {
        var products = request.Products.Select(Check).ToList();
        var useNow = products
            .Where(p => p.Verdict == AftercareVerdict.Ok && p.Benefits.Count > 0)
            .Select(p => new UseNow(p.Name!, [.. p.Benefits.Select(b => b.Class).Distinct().Order()]))
            .ToList();
        var waiting = products.Count(p => p.Verdict != AftercareVerdict.Ok);
        var summary = waiting == 0
            ? $"All {products.Count} products can be used now."
            : $"{products.Count - waiting} of {products.Count} products can be used now; {waiting} must wait or be avoided.";
        return new RoutineResult(request.Time.HoursSinceTreatment, products, useNow, summary, knowledge.Version, request.Time.TreatedAt);
    }

    /// <summary>Avoid classes and careful classes carry a window; helpful classes do not (DESIGN §2).</summary>
    public static bool IsFlagClass(IngredientClass c) => c <= IngredientClass.AlcoholDenat;

    public static AftercareVerdict SeverityOf(IngredientClass c) =>
        c <= IngredientClass.EssentialOil ? AftercareVerdict.Avoid : c <= IngredientClass.AlcoholDenat ? AftercareVerdict.Caution : AftercareVerdict.Ok;

    /// <summary>The avoid list as keys, and as classes when an entry is a class code (<c>fragrance</c>).</summary>
    private (HashSet<string> Keys, HashSet<IngredientClass> Classes) Avoided(IReadOnlyList<string> avoid)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var classes = new HashSet<IngredientClass>();
        foreach (var entry in avoid)
        {
            if (Codes.TryParse<IngredientClass>(entry.Trim().ToLowerInvariant(), out var c))
            {
                classes.Add(c);
            }
            else
            {
                keys.Add(_classifier.KeyOf(entry));
            }
        }

        return (keys, classes);
    }

    private static bool IsAvoided(InciIngredient ingredient, SortedSet<IngredientClass> classes, (HashSet<string> Keys, HashSet<IngredientClass> Classes) avoid) =>
        (avoid.Keys.Count > 0 && (avoid.Keys.Contains(ingredient.Key) || ingredient.Keys.Any(avoid.Keys.Contains) || ingredient.Parenthetical.Any(avoid.Keys.Contains)))
        || (avoid.Classes.Count > 0 && classes.Overlaps(avoid.Classes));

    private static string Summary(AftercareVerdict verdict, int? usableFrom, List<AftercareFlag> flags, TreatmentTime time)
    {
        var open = flags.Where(f => f.Open).Select(f => f.Class).Distinct().ToList();
        var when = usableFrom is { } h && time.TreatedAt is { } at
            ? $"{h} hours after treatment ({at.AddHours(h).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)})"
            : $"{usableFrom} hours after treatment";
        return verdict switch
        {
            _ when usableFrom is null => $"Do not use: it contains {string.Join(", ", flags.Where(f => f.WindowHours is null).Select(f => f.Inci))} from your own avoid list.",
            AftercareVerdict.Avoid => $"Not yet: it contains {string.Join(", ", open)}. Usable from {when}.",
            AftercareVerdict.Caution => $"Use with care until {when}: it contains {string.Join(", ", open)}.",
            _ when flags.Count > 0 => $"Fine to use now: the {usableFrom}-hour window for {string.Join(", ", flags.Select(f => f.Class).Distinct())} has passed.",
            _ => "Fine to use now: nothing in it needs to wait after microneedling.",
        };
    }
}
