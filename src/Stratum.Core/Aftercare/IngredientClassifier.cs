using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Aftercare;

/// <summary>A class an ingredient key belongs to, possibly only under a position condition; <see cref="ByName"/> when an exact name decided it.</summary>
internal readonly record struct ClassHit(IngredientClass Class, PositionCondition? When, bool ByName);

/// <summary>What the knowledge says about one key, whatever its position.</summary>
/// <param name="Known">A name that makes a slash a synonym slash (§1.6).</param>
internal sealed record KeyInfo(string Key, ClassHit[] Hits, bool Marker, bool Known);

/// <summary>
/// The ingredient classes of knowledge/ingredients.json, compiled: for a key, the first step of each class whose names
/// or patterns contain it decides (ingredients.md §1.10). Results are remembered per key, since the same few hundred
/// names make up most lists.
/// </summary>
public sealed class IngredientClassifier
{
    /// <summary>Enough for every INCI name in use; beyond it keys are classified without being remembered.</summary>
    private const int MaxCachedKeys = 100_000;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Class[] _classes;
    private readonly HashSet<string> _knownNames;
    private readonly Regex[] _lexiconPatterns;
    private readonly HashSet<string> _markers;
    private readonly ConcurrentDictionary<string, KeyInfo> _cache;
    private readonly ConcurrentDictionary<string, KeyInfo>.AlternateLookup<ReadOnlySpan<char>> _cacheBySpan;
    private readonly ConcurrentDictionary<int, SourceStatus> _evidence = new();

    private IngredientClassifier(Class[] classes, HashSet<string> knownNames, Regex[] lexiconPatterns, HashSet<string> markers, IngredientsFile data)
    {
        _classes = classes;
        _knownNames = knownNames;
        _lexiconPatterns = lexiconPatterns;
        _markers = markers;
        Data = data;
        Parser = new InciParser(data.Parsing, this);
        ClassData = [.. data.Classes.OrderBy(c => c.Code)];
        _cache = new ConcurrentDictionary<string, KeyInfo>(StringComparer.Ordinal);
        _cacheBySpan = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IngredientsFile Data { get; }

    public InciParser Parser { get; }

    /// <summary>Each class's window, reason and sources, indexed by <see cref="IngredientClass"/> value.</summary>
    internal IngredientClassData[] ClassData { get; }

    /// <summary>The evidence behind a class's sources, worked out once per class.</summary>
    internal SourceStatus EvidenceOf(IngredientClass c, KnowledgeBase knowledge) =>
        _evidence.GetOrAdd((int)c, (code, k) => k.EvidenceOf(ClassData[code].Sources), knowledge);

    /// <summary>The key of a name as typed by a person (a personal avoid list), by the same rules as the list's names.</summary>
    public string KeyOf(string name) => InciText.NameKey(name, Parser.DroppedSuffixes);

    /// <summary>Builds the classifier, reporting every name or pattern that cannot be used.</summary>
    internal static IngredientClassifier? Create(IngredientsFile data, Action<string, string> error)
    {
        var suffixes = InciParser.SuffixesOf(data.Parsing);
        string Key(string name) => InciText.NameKey(name, suffixes);
        var failed = false;

        Regex? Pattern(string entry, string pattern)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException e)
            {
                error(entry, $"the pattern '{pattern}' is not a valid regular expression ({e.Message})");
                failed = true;
                return null;
            }
        }

        var classes = new List<Class>();
        var knownNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in data.Classes)
        {
            var entry = Codes.Of(c.Code);
            var steps = new List<Step>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in c.Steps)
            {
                if ((step.Names is null) == (step.Patterns is null))
                {
                    error(entry, "each step needs either 'names' or 'patterns'");
                    failed = true;
                    continue;
                }

                if (step.Names is { Count: 0 } || step.Patterns is { Count: 0 })
                {
                    error(entry, "a step's list is empty");
                    failed = true;
                }

                if (step.Patterns is not null && step.When is not null)
                {
                    error(entry, "'when' is only allowed on a step with names");
                    failed = true;
                }

                HashSet<string>? names = null;
                if (step.Names is not null)
                {
                    names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var name in step.Names)
                    {
                        var key = Key(name);
                        if (key.Length == 0)
                        {
                            error(entry, "a name is empty");
                            failed = true;
                        }
                        else if (!seen.Add(key))
                        {
                            error(entry, $"'{name}' is listed twice (as key '{key}')");
                            failed = true;
                        }

                        names.Add(key);
                        knownNames.Add(key);
                    }
                }

                var patterns = (step.Patterns ?? []).Select(p => Pattern(entry, p)).OfType<Regex>().ToArray();
                steps.Add(new Step(names, patterns, step.Match, step.When));
            }

            classes.Add(new Class(c.Code, [.. steps]));
        }

        knownNames.UnionWith(data.Lexicon.Names.Select(Key));
        var lexiconPatterns = data.Lexicon.Patterns.Select(p => Pattern("lexicon", p)).OfType<Regex>().ToArray();
        var markers = data.PositionRule.Markers.Select(Key).ToHashSet(StringComparer.Ordinal);
        if (failed)
        {
            return null;
        }

        return new IngredientClassifier([.. classes], knownNames, lexiconPatterns, markers, data);
    }

    /// <summary>A name that makes a slash a synonym slash (§1.6): any class name, a lexicon name or a lexicon pattern.</summary>
    public bool IsKnownName(string key) => Classify(key).Known;

    internal KeyInfo Classify(ReadOnlySpan<char> key) => _cacheBySpan.TryGetValue(key, out var known) ? known : Classify(new string(key));

    internal KeyInfo Classify(string key)
    {
        if (_cache.TryGetValue(key, out var known))
        {
            return known;
        }

        var info = Evaluate(key);
        if (_cache.Count < MaxCachedKeys)
        {
            _cache.TryAdd(key, info);
        }

        return info;
    }

    private KeyInfo Evaluate(string key)
    {
        List<ClassHit>? hits = null;
        foreach (var c in _classes)
        {
            foreach (var step in c.Steps)
            {
                var byName = step.Names is not null && step.Names.Contains(key);
                if (!byName && !step.Patterns.Any(p => Matches(p, key)))
                {
                    continue;
                }

                if (step.Match)
                {
                    (hits ??= []).Add(new ClassHit(c.Code, step.When, byName));
                }

                break;
            }
        }

        var known = _knownNames.Contains(key) || _lexiconPatterns.Any(p => Matches(p, key));
        return new KeyInfo(key, hits is null ? [] : [.. hits], _markers.Contains(key), known);
    }

    private static bool Matches(Regex pattern, string key)
    {
        try
        {
            return pattern.IsMatch(key);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private sealed record Step(HashSet<string>? Names, Regex[] Patterns, bool Match, PositionCondition? When);

    private sealed record Class(IngredientClass Code, Step[] Steps);
}
