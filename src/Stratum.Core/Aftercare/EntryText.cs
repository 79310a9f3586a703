using System.Text;
using System.Text.RegularExpressions;

namespace Stratum.Core.Aftercare;

/// <summary>
/// Stage 3 of reading a label: one piece cleaned into the names it holds (ingredients.md §1.5, §1.7). The display text
/// loses percentages, footnote markers, extra spaces and trailing punctuation (and, among Drug Facts actives, the
/// purpose column); an <c>(and)</c> mixture gives one name per part; the name to match loses its parentheses and
/// square brackets, whose contents are kept as names of their own.
/// </summary>
internal static partial class EntryText
{
    /// <summary>Left around a name by separators; never part of it.</summary>
    private static readonly char[] Punctuation = [' ', ',', ';', ':', '.'];

    /// <summary>The names a piece shows, as printed: one, or one per part of an <c>(and)</c> mixture; none when nothing is left.</summary>
    public static string[] Display(ReadOnlySpan<char> piece, bool actives)
    {
        var text = Clean(piece.ToString(), actives);
        if (text.Length == 0)
        {
            return [];
        }

        return text.Contains('(') && AndSplit().IsMatch(text)
            ? [.. AndSplit().Split(text).Select(part => Clean(part, actives: false)).Where(part => part.Length > 0)]
            : [text];
    }

    /// <summary>
    /// The name without parentheticals and square brackets, and the names inside the parentheses (split at commas and
    /// semicolons, since <c>Water (Aqua, Eau)</c> names two). An unclosed parenthesis runs to the end of the name.
    /// </summary>
    public static (string Name, List<string> Inner) Strip(string display)
    {
        if (display.AsSpan().IndexOfAny("()[]") < 0)
        {
            return (display, []);
        }

        var name = new StringBuilder(display.Length);
        var inner = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var square = 0;
        foreach (var c in display)
        {
            switch (c)
            {
                case '(':
                    depth++;
                    Flush(current, inner);
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    Flush(current, inner);
                    name.Append(' ');
                    break;
                case '[':
                    square++;
                    break;
                case ']':
                    square = Math.Max(0, square - 1);
                    name.Append(' ');
                    break;
                case ',' or ';' when depth > 0:
                    Flush(current, inner);
                    break;
                default:
                    if (square == 0)
                    {
                        (depth > 0 ? current : name).Append(c);
                    }

                    break;
            }
        }

        Flush(current, inner);
        return (name.ToString(), inner);
    }

    private static void Flush(StringBuilder current, List<string> inner)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
        {
            inner.Add(text);
        }

        current.Clear();
    }

    private static string Clean(string text, bool actives)
    {
        if (actives)
        {
            // Drug Facts purpose column: after the strength (or a dot leader) the rest of the line is the purpose.
            if (Percentage().Match(text) is { Success: true } strength)
            {
                text = text[..(strength.Index + strength.Length)];
            }

            if (text.IndexOf("..", StringComparison.Ordinal) is var leader and >= 0)
            {
                text = text[..leader];
            }
        }

        if (text.Contains('%'))
        {
            text = Percentage().Replace(text, " ");
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                {
                    clean.Append(' ');
                }
            }
            else if (!InciText.IsFootnoteMarker(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString().Trim(Punctuation);
    }

    [GeneratedRegex(@"\(?\s*\d+([.,]\d+)?\s*%\s*(w/w|w/v|v/v)?\s*\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"\(\s*and\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSplit();
}
