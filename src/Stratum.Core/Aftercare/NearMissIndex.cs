using Quickenshtein;

namespace Stratum.Core.Aftercare;

/// <summary>
/// Reads a near-miss spelling as the known name it misses (DESIGN §3 Recognition): a 0/O or 1/l/I confusion, a missing
/// space or hyphen, or one edit (a letter added, dropped or changed, or two neighbours swapped) in a name of enough letters. Digits must agree (PEG-12 is not PEG-13), and a slip that
/// fits two known names equally well is not guessed.
/// </summary>
internal sealed class NearMissIndex
{
    private readonly int _minLetters;
    private readonly Dictionary<string, List<string>> _byFolded = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Length, char Edge, bool First), List<string>> _byEdge = [];
    private readonly Dictionary<string, (string Key, string Written)> _names = new(StringComparer.Ordinal);

    /// <param name="names">Known names by key, each with the name as written.</param>
    public NearMissIndex(IReadOnlyDictionary<string, string> names, int minLetters)
    {
        _minLetters = minLetters;
        foreach (var (key, written) in names)
        {
            var folded = Fold(key);
            _names.TryAdd(folded, (key, written));
            if (!_byFolded.TryGetValue(folded, out var same))
            {
                _byFolded[folded] = same = [];
            }

            same.Add(key);
            if (Letters(folded) >= minLetters)
            {
                Add((folded.Length, folded[0], true), folded);
                Add((folded.Length, folded[^1], false), folded);
            }
        }
    }

    /// <summary>The known name <paramref name="key"/> misses, as (key, name as written); null when none or more than one fits.</summary>
    public (string Key, string Written)? Find(string key)
    {
        var folded = Fold(key);
        if (folded.Length == 0)
        {
            return null;
        }

        if (_byFolded.TryGetValue(folded, out var same))
        {
            return same.Count == 1 ? _names[folded] : null;
        }

        if (Letters(folded) < _minLetters)
        {
            return null;
        }

        // One edit changes the length by at most one and leaves the first or the last character as it was.
        string? found = null;
        for (var length = folded.Length - 1; length <= folded.Length + 1; length++)
        {
            foreach (var candidate in Candidates(length, folded))
            {
                if (candidate == found || !SameDigits(candidate, folded) || !OneEdit(candidate, folded))
                {
                    continue;
                }

                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found is null ? null : _names[found];
    }

    private IEnumerable<string> Candidates(int length, string folded) =>
        (_byEdge.GetValueOrDefault((length, folded[0], true)) ?? []).Concat(_byEdge.GetValueOrDefault((length, folded[^1], false)) ?? []);

    private void Add((int, char, bool) edge, string folded)
    {
        if (!_byEdge.TryGetValue(edge, out var list))
        {
            _byEdge[edge] = list = [];
        }

        list.Add(folded);
    }

    /// <summary>The key without spaces, with 0 read as o and 1 or i as l where they stand beside a letter (OCR confusions).</summary>
    internal static string Fold(string key)
    {
        var folded = new char[key.Length];
        var n = 0;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == ' ')
            {
                continue;
            }

            var besideLetter = (i > 0 && char.IsAsciiLetter(key[i - 1])) || (i + 1 < key.Length && char.IsAsciiLetter(key[i + 1]));
            folded[n++] = c switch
            {
                '0' when besideLetter => 'o',
                '1' when besideLetter => 'l',
                'i' => 'l',
                _ => c,
            };
        }

        return new string(folded, 0, n);
    }

    /// <summary>One letter added, dropped or changed, or two neighbours swapped (<c>Dehyrdoacetate</c>).</summary>
    private static bool OneEdit(string a, string b)
    {
        var distance = Levenshtein.GetDistance(a, b);
        if (distance != 2 || a.Length != b.Length)
        {
            return distance == 1;
        }

        var i = 0;
        while (a[i] == b[i])
        {
            i++;
        }

        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }

    private static int Letters(string s) => s.Count(char.IsAsciiLetter);

    private static bool SameDigits(string a, string b) => a.Where(char.IsAsciiDigit).SequenceEqual(b.Where(char.IsAsciiDigit));
}
