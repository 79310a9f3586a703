using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

/// <summary>How an entry's name was recognised (ingredients.md §1.3a).</summary>
internal enum Recognition { None, Exact, CommonName, Structural, NearMiss }

/// <summary>What the vocabulary makes of one key: the key to classify (a label name's INCI name, a slip's known name) and how.</summary>
/// <param name="MatchedAs">The known name a near-miss spelling or a common name was read as; null otherwise.</param>
internal readonly record struct VocabularyMatch(string Key, Recognition How, string? MatchedAs, bool LabelName);

/// <summary>
/// Every name the checker knows, behind one lookup: class names, the lexicon, the published lists of
/// inci-vocabulary.json and label names, then names that are INCI by construction, then near-miss spellings.
/// </summary>
internal sealed class IngredientVocabulary
{
    private readonly HashSet<string> _names;
    private readonly Dictionary<string, string> _labelNames;
    private readonly IReadOnlyDictionary<string, string> _commonNames;
    private readonly IReadOnlyDictionary<string, string> _written;
    private readonly HashSet<string> _words;
    private readonly StructuralRules _structural;
    private readonly Lazy<NearMissIndex> _nearMiss;
    private readonly string[] _gradeWords;

    /// <param name="names">Known names by key, each with the name as written (shown as <c>matchedAs</c>).</param>
    /// <param name="labelNames">Label names by key, each with the key of the INCI name it stands for.</param>
    /// <param name="commonNames">Common-name forms by key (<c>orange fruit extract</c>), each with the key of the INCI name it stands for (<see cref="CommonNames"/>).</param>
    /// <param name="flagged">Whether a key falls in an avoid or careful class: such names are never recognised by construction.</param>
    public IngredientVocabulary(
        IReadOnlyDictionary<string, string> names,
        IReadOnlyDictionary<string, string> labelNames,
        IReadOnlyDictionary<string, string> commonNames,
        IngredientRecognition recognition,
        Func<string, string> key,
        Func<string, bool> flagged)
    {
        _names = [.. names.Keys];
        _labelNames = new Dictionary<string, string>(labelNames, StringComparer.Ordinal);
        _commonNames = commonNames;
        _written = names;
        _words = [.. names.Keys.SelectMany(Words)];
        _structural = new StructuralRules(recognition.Structural, names.Keys, _words, IsKnown, key, flagged);
        _gradeWords = [.. (recognition.GradeWords ?? []).Select(w => key(w) + " ").OrderByDescending(w => w.Length)];
        var minLetters = recognition.NearMissMinLetters;
        _nearMiss = new Lazy<NearMissIndex>(() => new NearMissIndex(names, minLetters));
    }

    public int Count => _names.Count;

    /// <summary>A name of a list or a label name, exactly (by key).</summary>
    public bool IsKnown(string key) => _names.Contains(key) || _labelNames.ContainsKey(key);

    public VocabularyMatch Match(string key)
    {
        // "Organic Glycerin" is Glycerin: the grade word says how it was grown, not what it is.
        foreach (var grade in _gradeWords)
        {
            if (key.StartsWith(grade, StringComparison.Ordinal) && key.Length > grade.Length)
            {
                var rest = Match(key[grade.Length..]);
                return rest.How == Recognition.None ? rest with { Key = key } : rest with { MatchedAs = rest.MatchedAs ?? _written.GetValueOrDefault(rest.Key, rest.Key) };
            }
        }

        if (_labelNames.TryGetValue(key, out var inci))
        {
            return new VocabularyMatch(inci, Recognition.Exact, null, LabelName: true);
        }

        if (_names.Contains(key))
        {
            return new VocabularyMatch(key, Recognition.Exact, null, LabelName: false);
        }

        if (_commonNames.TryGetValue(key, out var named))
        {
            return new VocabularyMatch(named, Recognition.CommonName, _written.GetValueOrDefault(named, named), LabelName: true);
        }

        if (_structural.Matches(key))
        {
            return new VocabularyMatch(key, Recognition.Structural, null, LabelName: false);
        }

        if (_nearMiss.Value.Find(key) is { } known)
        {
            var (knownKey, written) = known;
            return new VocabularyMatch(_labelNames.GetValueOrDefault(knownKey, knownKey), Recognition.NearMiss, written, _labelNames.ContainsKey(knownKey));
        }

        return new VocabularyMatch(key, Recognition.None, null, LabelName: false);
    }

    /// <summary>
    /// The common-name forms of the names that print a common name in parentheses: <c>Citrus Aurantium Dulcis (Orange)
    /// Fruit Extract</c> gives <c>orange fruit extract</c>. A form that several names share is kept only when they all
    /// fall in the same classes, so reading it as any one of them gives the same answer.
    /// </summary>
    /// <param name="classesOf">The classes a key falls in, as one comparable text.</param>
    public static Dictionary<string, string> CommonNames(IEnumerable<string> names, Func<string, string> key, Func<string, string> classesOf)
    {
        var forms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var open = name.IndexOf('(');
            var close = name.IndexOf(')');
            if (open <= 0 || close < open || name.IndexOf('(', open + 1) >= 0 || close == name.Length - 1)
            {
                continue;
            }

            var common = name[(open + 1)..close];
            if (!common.Any(char.IsAsciiLetterLower) || common.Any(char.IsAsciiDigit))
            {
                continue;
            }

            var form = key($"{common} {name[(close + 1)..]}");
            if (!forms.TryGetValue(form, out var inci))
            {
                forms[form] = inci = new HashSet<string>(StringComparer.Ordinal);
            }

            inci.Add(key(name));
        }

        var commonNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (form, inci) in forms)
        {
            if (inci.Select(classesOf).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                commonNames[form] = inci.Order(StringComparer.Ordinal).First();
            }
        }

        return commonNames;
    }

    internal static IEnumerable<string> Words(string key) => key.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
}
