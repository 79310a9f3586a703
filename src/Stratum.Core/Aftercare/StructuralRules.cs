using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

/// <summary>
/// Names that are INCI by construction (knowledge/ingredients.json <c>recognition.structural</c>): a numbered prefix
/// (<c>PEG-40 Hydrogenated Castor Oil</c>), a polymer (<c>VP/VA Copolymer</c>), a salt or ester of a known acid
/// (<c>Glyceryl Stearate</c>), a botanical binomial with its parts and preparation (<c>Rosa Canina Fruit Oil</c>).
/// Every free word must be a word of a known name, so made-up text is never recognised; a form built on an avoid or
/// careful ingredient is not recognised either, since its safety is not known.
/// </summary>
internal sealed class StructuralRules
{
    private readonly string[] _numbered;
    private readonly string[] _polymerEndings;
    private readonly string[] _saltPrefixes;
    private readonly string[] _parts;
    private readonly string[] _preparations;
    private readonly HashSet<string> _genera;
    private readonly HashSet<string> _words;
    private readonly Func<string, bool> _known;
    private readonly Func<string, bool> _flagged;

    public StructuralRules(StructuralNames data, IEnumerable<string> knownKeys, HashSet<string> words, Func<string, bool> known, Func<string, string> key, Func<string, bool> flagged)
    {
        // Longest first, so "c12 15 pareth" is tried before "pareth" and "ferment filtrate" before "filtrate".
        static string[] Keys(IEnumerable<string> names, Func<string, string> key) => [.. names.Select(key).Distinct().OrderByDescending(k => k.Length)];
        _numbered = Keys(data.NumberedPrefixes, key);
        _polymerEndings = Keys(data.PolymerEndings, key);
        _saltPrefixes = Keys(data.SaltPrefixes, key);
        _parts = Keys(data.PlantParts, key);
        _preparations = Keys(data.PlantPreparations, key);
        _words = words;
        _known = known;
        _flagged = flagged;
        _genera = [.. knownKeys.Select(Genus).OfType<string>()];
    }

    public bool Matches(string key) => !_flagged(key) && (Numbered(key) || Polymer(key) || SaltOrEster(key) || Genus(key) is { } g && _genera.Contains(g));

    /// <summary><c>peg 40</c>, <c>polysorbate 20</c>, <c>peg 40 hydrogenated castor oil</c>, <c>nylon 6/12</c>.</summary>
    private bool Numbered(string key)
    {
        foreach (var prefix in _numbered)
        {
            if (key.Length <= prefix.Length + 1 || !key.StartsWith(prefix, StringComparison.Ordinal) || key[prefix.Length] != ' ' || !char.IsAsciiDigit(key[prefix.Length + 1]))
            {
                continue;
            }

            var at = prefix.Length + 1;
            while (at < key.Length && (char.IsAsciiDigit(key[at]) || key[at] == '/' || (char.IsAsciiLetter(key[at]) && (at + 1 == key.Length || key[at + 1] == ' '))))
            {
                at++;
            }

            return at == key.Length || (key[at] == ' ' && KnownRest(key[(at + 1)..]));
        }

        return false;
    }

    /// <summary><c>acrylates/c10 30 alkyl acrylate crosspolymer</c>: a polymer ending after known words.</summary>
    private bool Polymer(string key)
    {
        foreach (var ending in _polymerEndings)
        {
            if (key.Length > ending.Length + 1 && key.EndsWith(ending, StringComparison.Ordinal) && key[^(ending.Length + 1)] == ' ')
            {
                return AllWordsKnown(key[..^(ending.Length + 1)]);
            }
        }

        return false;
    }

    /// <summary><c>glyceryl stearate</c> (stearic acid), <c>sodium cocoyl isethionate</c> (a known name after a salt prefix).</summary>
    private bool SaltOrEster(string key)
    {
        var rest = key;
        var prefixes = 0;
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in _saltPrefixes)
            {
                if (rest.Length > prefix.Length + 1 && rest.StartsWith(prefix, StringComparison.Ordinal) && rest[prefix.Length] == ' ')
                {
                    rest = rest[(prefix.Length + 1)..];
                    prefixes++;
                    stripped = true;
                    break;
                }
            }
        }

        if (prefixes == 0 || _flagged(rest))
        {
            return false;
        }

        if (_known(rest))
        {
            return true;
        }

        // An "-ate" names the salt or ester of the "-ic acid": stearate → stearic acid.
        var singular = rest.EndsWith("ates", StringComparison.Ordinal) ? rest[..^1] : rest;
        if (!singular.EndsWith("ate", StringComparison.Ordinal))
        {
            return false;
        }

        var acid = singular[..^3] + "ic acid";
        return _known(acid) && !_flagged(acid);
    }

    /// <summary>
    /// The genus of a botanical name: the first word, when the name is two to four Latin words whose species words are
    /// words of known names, then plant parts, then a preparation (<c>rosa canina fruit oil</c> → <c>rosa</c>); null for any other name.
    /// </summary>
    private string? Genus(string key)
    {
        var rest = StripEnd(key, _preparations);
        if (rest is null)
        {
            return null;
        }

        while (StripEnd(rest, _parts) is { } shorter)
        {
            rest = shorter;
        }

        var words = rest.Split(' ');
        if (words.Length is < 2 or > 4 || !words.All(w => w.Length >= 2 && w.All(c => char.IsAsciiLetter(c) || c == '/')))
        {
            return null;
        }

        // A salt or ester prefix ("sodium", "hydrolyzed") does not begin a plant's name; the species must be a word of a known name.
        return _saltPrefixes.Contains(words[0]) || !words.Skip(1).All(_words.Contains) ? null : words[0];
    }

    /// <summary>The key without one of the endings (and the space before it), or null when it has none.</summary>
    private static string? StripEnd(string key, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (key.Length > ending.Length + 1 && key.EndsWith(ending, StringComparison.Ordinal) && key[^(ending.Length + 1)] is ' ' or '/')
            {
                return key[..^(ending.Length + 1)];
            }
        }

        return null;
    }

    private bool KnownRest(string rest) => !_flagged(rest) && (_known(rest) || AllWordsKnown(rest));

    private bool AllWordsKnown(string text) => IngredientVocabulary.Words(text).All(w => _words.Contains(w) || w.All(char.IsAsciiDigit) || IsCarbonRange(w));

    /// <summary><c>c10</c>, <c>c12</c>: carbon chain lengths in polymer and ethoxylate names.</summary>
    private static bool IsCarbonRange(string word) => word.Length >= 2 && word[0] == 'c' && word[1..].All(char.IsAsciiDigit);
}
