using System.Collections.Concurrent;
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

    private static readonly ConcurrentDictionary<int, IReadOnlyList<IngredientClass>> ClassLists = new();

    private readonly IngredientClassifier _classifier = knowledge.Ingredients;

    public AftercareResult Check(AftercareRequest request)
    {
        var list = request.List.Ingredients;
        var hours = request.Time.HoursSinceTreatment;

        // The 1 % line: the first positioned marker (§4.1).
        var line = int.MaxValue;
        foreach (var ingredient in list)
        {
            if (ingredient.Position is { } p && p < line && IsMarker(ingredient))
            {
                line = p;
            }
        }

        var avoid = request.Avoid.Count == 0 ? default : Avoided(request.Avoid);
        var ingredients = new AftercareIngredient[list.Count];
        var flags = new List<AftercareFlag>();
        var benefits = new List<AftercareBenefit>();
        var unrecognised = new List<UnrecognisedIngredient>();
        List<(string Key, int Class)>? flagged = null;
        var maxPosition = _classifier.Data.PositionRule.MaxPosition;
        for (var i = 0; i < list.Count; i++)
        {
            var ingredient = list[i];
            var classes = 0;
            if (ingredient.Synonyms is null)
            {
                classes = Classes(ingredient.Info, ingredient.Position, line, maxPosition, HitKind.Any);
            }
            else
            {
                foreach (var synonym in ingredient.Synonyms)
                {
                    classes |= Classes(synonym, ingredient.Position, line, maxPosition, HitKind.Any);
                }
            }

            foreach (var inner in ingredient.ParentheticalInfo)
            {
                classes |= Classes(inner, ingredient.Position, line, maxPosition, HitKind.ByName);
            }

            foreach (var part in ingredient.SlashPartInfo)
            {
                classes |= Classes(part, ingredient.Position, line, maxPosition, HitKind.Flag);
            }

            ingredients[i] = new AftercareIngredient(ingredient.Position, ingredient.Inci, ClassList(classes), ingredient.Recognised, ingredient.MatchedAs);
            if (!ingredient.Recognised)
            {
                unrecognised.Add(new UnrecognisedIngredient(ingredient.Position, ingredient.Inci));
            }

            for (var c = 0; classes >> c != 0; c++)
            {
                if ((classes & (1 << c)) == 0 || !Once(ref flagged, ingredient.Key, c))
                {
                    continue;
                }

                var code = (IngredientClass)c;
                var data = _classifier.ClassData[c];
                if (IsFlagClass(code))
                {
                    var window = data.WindowHours!.Value;
                    flags.Add(new AftercareFlag(ingredient.Inci, ingredient.Position, Codes.Of(code), SeverityOf(code), window, hours < window,
                        data.Reason, data.Sources, _classifier.EvidenceOf(code, knowledge)));
                }
                else
                {
                    benefits.Add(new AftercareBenefit(ingredient.Inci, code, data.Reason));
                }
            }

            if (avoid.Keys is not null && IsAvoided(ingredient, classes, avoid) && Once(ref flagged, ingredient.Key, -1))
            {
                flags.Add(new AftercareFlag(ingredient.Inci, ingredient.Position, PersonalClass, AftercareVerdict.Avoid, null, true, PersonalReason, [], SourceStatus.Convention));
            }
        }

        var verdict = AftercareVerdict.Ok;
        int? usableFrom = 0;
        foreach (var flag in flags)
        {
            verdict = flag.Open && flag.Severity > verdict ? flag.Severity : verdict;
            usableFrom = flag.WindowHours is { } w && usableFrom is { } u ? Math.Max(u, w) : null;
        }

        var summary = Summary(verdict, usableFrom, flags, request.Time);

        // Unknown is not safe: what was not recognised may be anything, so the product is never called fine.
        if (unrecognised.Count > 0)
        {
            summary = verdict == AftercareVerdict.Ok
                ? $"Not known to be fine: {Names(unrecognised)} {(unrecognised.Count == 1 ? "was" : "were")} not recognised; check {(unrecognised.Count == 1 ? "it" : "them")} yourself before using it on needled skin."
                : $"{summary} Also not recognised: {Names(unrecognised)}; check {(unrecognised.Count == 1 ? "it" : "them")} yourself.";
            verdict = verdict == AftercareVerdict.Ok ? AftercareVerdict.Caution : verdict;
        }

        return new AftercareResult(
            verdict,
            hours,
            usableFrom,
            summary,
            ingredients,
            flags,
            benefits,
            unrecognised,
            knowledge.Version,
            request.Name,
            request.Time.TreatedAt,
            request.Time.TreatedAt is { } at && usableFrom is { } h ? at.AddHours(h) : null);
    }

    private enum HitKind { Any, ByName, Flag }

    /// <summary>Each class is flagged once per ingredient key, at its first position (§1.8); lists hold few flags, so a list will do.</summary>
    private static bool Once(ref List<(string Key, int Class)>? seen, string key, int c)
    {
        seen ??= [];
        foreach (var (k, existing) in seen)
        {
            if (existing == c && k == key)
            {
                return false;
            }
        }

        seen.Add((key, c));
        return true;
    }

    private static bool IsMarker(InciIngredient ingredient)
    {
        if (ingredient.Synonyms is null)
        {
            return ingredient.Info.Marker;
        }

        foreach (var synonym in ingredient.Synonyms)
        {
            if (synonym.Marker)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The classes of one key that hold at this position, as a bit mask by <see cref="IngredientClass"/> value.</summary>
    private static int Classes(KeyInfo info, int? position, int line, int maxPosition, HitKind kind)
    {
        var mask = 0;
        foreach (var hit in info.Hits)
        {
            var holds = hit.When switch
            {
                PositionCondition.BeforeOnePercentLine => position is { } p && p <= maxPosition && p < line,
                PositionCondition.FirstPosition => position == 1,
                _ => true,
            };
            if (holds && (kind == HitKind.Any || (kind == HitKind.ByName && hit.ByName) || (kind == HitKind.Flag && IsFlagClass(hit.Class))))
            {
                mask |= 1 << (int)hit.Class;
            }
        }

        return mask;
    }

    /// <summary>The classes of a mask in DESIGN §2 order; one shared array per mask, since few combinations occur.</summary>
    private static IReadOnlyList<IngredientClass> ClassList(int mask) => mask == 0 ? [] : ClassLists.GetOrAdd(mask, m =>
    {
        var classes = new IngredientClass[int.PopCount(m)];
        var n = 0;
        for (var c = 0; m >> c != 0; c++)
        {
            if ((m & (1 << c)) != 0)
            {
                classes[n++] = (IngredientClass)c;
            }
        }

        return Array.AsReadOnly(classes);
    });

    public RoutineResult Routine(RoutineRequest request)
    {
        var products = request.Products.Select(Check).ToList();
        var useNow = products
            .Where(p => p.Verdict == AftercareVerdict.Ok && p.Benefits.Count > 0)
            .Select(p => new UseNow(p.Name!, [.. p.Benefits.Select(b => b.Class).Distinct().Order()]))
            .ToList();
        var notNow = products.Count(p => p.Verdict != AftercareVerdict.Ok);
        var unknown = products.Count(p => p.Verdict != AftercareVerdict.Ok && !p.Flags.Any(f => f.Open));
        var summary = notNow == 0
            ? $"All {products.Count} products can be used now."
            : $"{products.Count - notNow} of {products.Count} products can be used now"
              + (notNow > unknown ? $"; {notNow - unknown} must wait or be avoided" : "")
              + (unknown > 0 ? $"; {unknown} {(unknown == 1 ? "has an ingredient" : "have ingredients")} not recognised, to check yourself" : "") + ".";
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

    private static bool IsAvoided(InciIngredient ingredient, int classes, (HashSet<string> Keys, HashSet<IngredientClass> Classes) avoid) =>
        avoid.Keys.Contains(ingredient.Key) || ingredient.Keys.Any(avoid.Keys.Contains) || ingredient.Parenthetical.Any(avoid.Keys.Contains)
        || avoid.Classes.Any(c => (classes & (1 << (int)c)) != 0);

    private static string Names(List<UnrecognisedIngredient> unrecognised) => string.Join(", ", unrecognised.Select(u => u.Inci));

    private static string Summary(AftercareVerdict verdict, int? usableFrom, List<AftercareFlag> flags, TreatmentTime time)
    {
        if (flags.Count == 0)
        {
            return "Fine to use now: nothing in it needs to wait after microneedling.";
        }

        if (usableFrom is not { } hours)
        {
            return $"Do not use: it contains {string.Join(", ", flags.Where(f => f.WindowHours is null).Select(f => f.Inci))} from your own avoid list.";
        }

        var when = time.TreatedAt is { } at
            ? $"{hours} hours after treatment ({Short(at.AddHours(hours))})"
            : $"{hours} hours after treatment";
        // "Alcohol Denat." ends its own sentence.
        var open = Ingredients(flags, openOnly: true);
        var stop = open.EndsWith('.') ? "" : ".";
        return verdict switch
        {
            AftercareVerdict.Avoid => $"Not yet: it contains {open}{stop} Usable from {when}.",
            AftercareVerdict.Caution => $"Use with care until {when}: it contains {open}{stop}",
            _ => $"Fine to use now: the {hours}-hour wait for {Ingredients(flags, openOnly: false)} has passed.",
        };
    }

    /// <summary>"Fri 28 Nov, 14:00", written out directly: a format string is parsed on every call, and this runs for every flagged product.</summary>
    private static string Short(DateTime t)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        return string.Create(CultureInfo.InvariantCulture, $"{names.AbbreviatedDayNames[(int)t.DayOfWeek]} {t.Day} {names.AbbreviatedMonthNames[t.Month - 1]}, {t.Hour:00}:{t.Minute:00}");
    }

    /// <summary>The flagged ingredients as the label prints them, in order of first appearance: "Salicylic Acid and Alcohol Denat.".</summary>
    private static string Ingredients(List<AftercareFlag> flags, bool openOnly)
    {
        var names = new List<string>(flags.Count);
        foreach (var flag in flags)
        {
            if ((flag.Open || !openOnly) && !names.Contains(flag.Inci))
            {
                names.Add(flag.Inci);
            }
        }

        return Prose.List(names);
    }
}
