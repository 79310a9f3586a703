using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Aftercare;

/// <summary>A class an ingredient key belongs to, possibly only under a position condition; <see cref="ByName"/> when an exact name decided it.</summary>
internal readonly record struct ClassHit(IngredientClass Class, PositionCondition? When, bool ByName);

/// <summary>What the knowledge says about one key, whatever its position.</summary>
/// <param name="Known">A name that makes a slash a synonym slash (§1.6).</param>
/// <param name="How">How the vocabulary recognised the name; the hits are those of the name it was read as.</param>
/// <param name="MatchedAs">The known name a near-miss spelling was read as.</param>
/// <param name="LabelName">A common or drug name that stands for an INCI name; a recognised name in parentheses after it says which.</param>
internal sealed record KeyInfo(string Key, ClassHit[] Hits, bool Marker, bool Known, Recognition How, string? MatchedAs, bool LabelName)
{
    public bool Recognised => How != Recognition.None;

    /// <summary>Recognised as written, not by reading a slip as a known name: what may join two lines into one name.</summary>
    public bool KnownAsWritten => How is Recognition.Exact or Recognition.CommonName or Recognition.Structural;
}

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
    private IngredientVocabulary _vocabulary = null!;
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

    /// <summary>How many names the vocabulary knows (class names, lexicon, published lists, label names).</summary>
    public int KnownNameCount => _vocabulary.Count;

    /// <summary>Builds the classifier, reporting every name or pattern that cannot be used.</summary>
    internal static IngredientClassifier? Create(IngredientsFile data, VocabularyFile vocabulary, Action<string, string> error)
    {
        var suffixes = InciParser.SuffixesOf(data.Parsing);
        string Key(string name) => InciText.NameKey(name, suffixes);

        // A published name is keyed as a list entry is, without its parentheses ("Hydrogenated Poly(C6-14 Olefin)"), unless
        // they are most of the name ("(Honey + Zymomonas Ferment) Extract" is no "Extract").
        string EntryKey(string name) => name.IndexOf('(') is var open and >= 0 && name[..open].Count(char.IsAsciiLetter) < 3
            ? Key(name)
            : InciText.Key(EntryText.Strip(InciText.Clean(name)).Name, suffixes);
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
        var labelNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in data.Recognition.LabelNames.Concat(vocabulary.DrugNames))
        {
            if (!labelNames.TryAdd(Key(label.Name), Key(label.Inci)))
            {
                error("recognition", $"the label name '{label.Name}' is given twice");
                failed = true;
            }
        }

        if (failed)
        {
            return null;
        }

        knownNames.UnionWith(labelNames.Keys);
        var classifier = new IngredientClassifier([.. classes], knownNames, lexiconPatterns, markers, data);

        // Every name by key, as first written: class and lexicon names, the published lists, label names and their INCI names.
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var allNames = data.Classes.SelectMany(c => c.Steps).SelectMany(s => s.Names ?? [])
            .Concat(data.Lexicon.Names)
            .Concat(vocabulary.Lists.SelectMany(l => l.Names))
            .Concat(data.Recognition.LabelNames.Concat(vocabulary.DrugNames).SelectMany(l => new[] { l.Name, l.Inci }));
        foreach (var name in allNames)
        {
            written.TryAdd(EntryKey(name), name);
        }

        var commonNames = IngredientVocabulary.CommonNames(vocabulary.Lists.SelectMany(l => l.Names), EntryKey, classifier.ClassesOf);
        classifier._vocabulary = new IngredientVocabulary(written, labelNames, commonNames, data.Recognition, Key, classifier.IsFlagged);
        return classifier;
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
        var own = Hits(key);
        var match = _vocabulary.Match(key);

        // A name a class pattern already reads is taken as written, not as the known name it is one letter from.
        if (match.How == Recognition.NearMiss && own.Length > 0)
        {
            match = new VocabularyMatch(key, Recognition.Structural, null, LabelName: false);
        }

        var hits = match.Key == key ? own : Hits(match.Key);
        var known = _knownNames.Contains(key) || _lexiconPatterns.Any(p => Matches(p, key)) || (match.How == Recognition.Exact && _knownNames.Contains(match.Key));

        // A class pattern (an essential oil by its plant part, a peptide by its number) recognises a name too.
        var how = match.How == Recognition.None && (hits.Length > 0 || known) ? Recognition.Structural : match.How;
        return new KeyInfo(key, hits, _markers.Contains(match.Key), known, how, match.MatchedAs, match.LabelName);
    }

    private string ClassesOf(string key) => string.Join(' ', Hits(key).Select(h => $"{h.Class}{h.When}"));

    /// <summary>Whether a key falls in an avoid or careful class at some position.</summary>
    private bool IsFlagged(string key) => Hits(key).Any(h => AftercareChecker.IsFlagClass(h.Class));

    private ClassHit[] Hits(string key)
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

        return hits is null ? [] : [.. hits];
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
