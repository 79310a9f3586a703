using System.Text;

namespace Stratum.Core.Aftercare;

/// <summary>Character-level rules of ingredients.md §1.1 (clean-up) and §1.9 (the key used for matching).</summary>
internal static class InciText
{
    /// <summary>Footnote markers (§1.7); superscript digits are turned into <c>*</c> before NFKC would make them digits.</summary>
    public const string FootnoteMarkers = "*†‡§°";

    public static bool IsFootnoteMarker(char c) => FootnoteMarkers.Contains(c);

    public static bool IsBullet(char c) => c is '•' or '·' or '●' or '▪' or '|';

    /// <summary>NFKC, one kind of space, dash and quote, <c>\n</c> line endings; backslash synonyms read as slashes.</summary>
    public static string Clean(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text.AsSpan().IndexOfAny('\r', '\t', '\\') >= 0
                ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ').Replace('\\', '/')
                : text;
        }

        var marked = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '¹' or '²' or '³' or '⁴' or '⁵' or '⁶' or '⁷' or '⁸' or '⁹' or '⁰':
                    marked.Append('*');
                    break;
                case '™' or '®' or '©':
                    break;
                default:
                    marked.Append(c);
                    break;
            }
        }

        var normalised = marked.ToString().Normalize(NormalizationForm.FormKC);
        var clean = new StringBuilder(normalised.Length);
        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            clean.Append(c switch
            {
                '\r' when i + 1 < normalised.Length && normalised[i + 1] == '\n' => '\0',
                '\r' => '\n',
                '\u00A0' or '\u2007' or '\u2009' or '\u202F' or '\t' => ' ',
                (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFE63' or '\uFF0D' => '-',
                '\u2018' or '\u2019' or '\u201A' or '\u201B' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' => '"',
                '\\' => '/',
                _ => c,
            });
        }

        return clean.Replace("\0", "").ToString();
    }

    /// <summary>
    /// The key of a name (§1.9): lowercase, <c>-</c> as space, no periods, no spaces around <c>/</c>, <c>ci</c> apart from
    /// its digits, whitespace collapsed; a trailing pharmacopoeia word (<c>USP</c>) or <c>nano</c> is dropped.
    /// </summary>
    public static string Key(ReadOnlySpan<char> name, string[] droppedSuffixes)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[MaxKeyLength(name)] : new char[MaxKeyLength(name)];
        return new string(buffer[..Key(name, buffer, droppedSuffixes)]);
    }

    /// <summary>The key of a name as a person or a knowledge file writes it: cleaned up (§1.1) first.</summary>
    public static string NameKey(string name, string[] droppedSuffixes) => Key(Clean(name), droppedSuffixes);

    /// <summary>Room enough for the key of <paramref name="name"/> (a colour index can gain a space).</summary>
    public static int MaxKeyLength(ReadOnlySpan<char> name) => name.Length + 8;

    /// <summary>Writes the key of <paramref name="name"/> into <paramref name="buffer"/> and returns its length; allocates nothing.</summary>
    public static int Key(ReadOnlySpan<char> name, Span<char> buffer, string[] droppedSuffixes)
    {
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                continue;
            }

            if (c == '-' || c == ' ' || char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            // "1, 2-Hexanediol" is "1,2-Hexanediol": no space after a comma that survived splitting.
            if (c is '/' or ',')
            {
                pendingSpace = false;
                buffer[length++] = c;
                continue;
            }

            if (pendingSpace && buffer[length - 1] is not '/' and not ',')
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            var lower = c < 128 ? (char)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0)) : char.ToLowerInvariant(c);
            buffer[length++] = lower;

            // "CI77891" → "ci 77891": the colour index prefix stands apart from its number.
            if (lower == 'i' && length >= 2 && buffer[length - 2] == 'c' && (length == 2 || buffer[length - 3] is ' ' or '/')
                && i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
            {
                buffer[length++] = ' ';
            }
        }

        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var suffix in droppedSuffixes)
            {
                var key = buffer[..length];
                if (key.Length > suffix.Length + 1 && key[^(suffix.Length + 1)] == ' ' && key.EndsWith(suffix, StringComparison.Ordinal))
                {
                    length -= suffix.Length + 1;
                    trimmed = true;
                }
            }
        }

        return length;
    }
}
