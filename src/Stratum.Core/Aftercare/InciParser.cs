using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

/// <summary>
/// One ingredient as read from a list: the text to show, its position (null in a "may contain" section) and the keys
/// to classify. A synonym slash (<c>Aqua/Water/Eau</c>) is one ingredient with several <see cref="Keys"/>.
/// </summary>
/// <param name="Key">The key of the whole name; what duplicates are recognised by.</param>
/// <param name="Keys">The keys classified in full: the name's, or each synonym's.</param>
/// <param name="Parenthetical">Keys of names in parentheses; they add a class only by exact name (§1.7).</param>
/// <param name="SlashParts">Keys of the parts of a slash name that is not a synonym list; they can add avoid or careful classes.</param>
public sealed record InciIngredient(string Inci, int? Position, string Key, IReadOnlyList<string> Keys, IReadOnlyList<string> Parenthetical, IReadOnlyList<string> SlashParts);

/// <summary>A parsed list; <see cref="TooMany"/> is set when reading stopped at the limit.</summary>
public sealed record InciList(IReadOnlyList<InciIngredient> Ingredients, bool TooMany);

/// <summary>
/// Reads an INCI list as printed on a product (ingredients.md §1): headers in several languages, Drug Facts sections,
/// separators, "may contain" sections, <c>(and)</c> mixtures, synonym slashes, parentheses, percentages and footnotes.
/// Never throws: anything it cannot read stays in the list as an unrecognised ingredient.
/// </summary>
public sealed partial class InciParser
{
    private enum Section { Lead, List, Actives, Inactive, Ignored }

    private readonly (string Phrase, Section Kind)[] _headers;
    private readonly string[] _purposeColumn;
    private readonly string[] _mayContain;
    private readonly string[] _periodExceptions;
    private readonly Func<string, bool> _isKnownName;

    internal InciParser(InciSyntax syntax, Func<string, bool> isKnownName)
    {
        _headers = syntax.Headers.List.Select(p => (p, Section.List))
            .Concat(syntax.Headers.Actives.Select(p => (p, Section.Actives)))
            .Concat(syntax.Headers.Inactive.Select(p => (p, Section.Inactive)))
            .Concat(syntax.Headers.Ignored.Select(p => (p, Section.Ignored)))
            .OrderByDescending(h => h.p.Length)
            .ToArray();
        _purposeColumn = [.. syntax.PurposeColumn];
        _mayContain = [.. syntax.MayContain];
        _periodExceptions = [.. syntax.PeriodExceptions];
        DroppedSuffixes = SuffixesOf(syntax);
        _isKnownName = isKnownName;
    }

    /// <summary>Trailing words a key does without: pharmacopoeia suffixes and <c>nano</c> (§1.7).</summary>
    internal string[] DroppedSuffixes { get; }

    internal static string[] SuffixesOf(InciSyntax syntax) => [.. syntax.PharmacopoeiaSuffixes.Select(s => s.ToLowerInvariant()), "nano"];

    public InciList Parse(string text, int maxIngredients = int.MaxValue)
    {
        var sections = Sections(InciText.Clean(text));
        var ingredients = new List<InciIngredient>();
        var position = 0;
        var tooMany = false;

        // Drug Facts actives come first whatever their place on the label (§1.2).
        foreach (var (kind, body) in sections.Where(s => s.Kind == Section.Actives).Concat(sections.Where(s => s.Kind != Section.Actives)))
        {
            foreach (var (start, end, mayContain) in Entries(body))
            {
                if (!AddEntry(body.AsSpan(start, end - start), kind == Section.Actives, mayContain, ref position, ingredients))
                {
                    continue;
                }

                if (ingredients.Count > maxIngredients)
                {
                    tooMany = true;
                    break;
                }
            }

            if (tooMany)
            {
                break;
            }
        }

        return new InciList(ingredients, tooMany);
    }

    /// <summary>Splits the text into header sections; returns the ones that hold ingredients.</summary>
    private List<(Section Kind, string Body)> Sections(string text)
    {
        // Most pasted lists are one line without a header: nothing to split or copy.
        var start = LineStart(text);
        if (!text.Contains('\n') && !(start.Length > 0 && InciText.IsFootnoteMarker(start[0])) && !Header(start, out _, out _))
        {
            return [(Section.Lead, text)];
        }

        var sections = new List<(Section Kind, StringBuilder Body)> { (Section.Lead, new StringBuilder()) };
        var firstHeader = (Section?)null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = LineStart(rawLine);

            // A line that starts with a footnote marker is the legend (§1.7).
            if (line.Length > 0 && InciText.IsFootnoteMarker(line[0]))
            {
                continue;
            }

            if (Header(line, out var kind, out var rest))
            {
                firstHeader ??= kind;
                sections.Add((kind, new StringBuilder().Append(rest)));
                continue;
            }

            var body = sections[^1].Body;
            if (body.Length > 0)
            {
                body.Append('\n');
            }

            body.Append(rawLine);
        }

        // Text before the first header is the list when the header only starts directions or warnings;
        // before an ingredients or Drug Facts header it is the product's title.
        var leadIsList = firstHeader is null or Section.Ignored;
        return sections
            .Where(s => s.Kind is Section.List or Section.Actives or Section.Inactive || (s.Kind == Section.Lead && leadIsList))
            .Select(s => (s.Kind, s.Body.ToString()))
            .ToList();
    }

    /// <summary>A line without its indentation and list bullets, where a header may start (DailyMed puts bullets before headings).</summary>
    private static ReadOnlySpan<char> LineStart(string line)
    {
        var span = line.AsSpan();
        while (span.Length > 0 && (InciText.IsBullet(span[0]) || char.IsWhiteSpace(span[0])))
        {
            span = span[1..];
        }

        return span;
    }

    private bool Header(ReadOnlySpan<char> line, out Section kind, out ReadOnlySpan<char> rest)
    {
        kind = Section.Lead;
        rest = default;
        var at = 0;
        var found = false;
        while (true)
        {
            var phrase = default((string Phrase, Section Kind));
            foreach (var header in _headers)
            {
                if (line[at..].StartsWith(header.Phrase, StringComparison.OrdinalIgnoreCase))
                {
                    phrase = header;
                    break;
                }
            }

            if (phrase.Phrase is null)
            {
                break;
            }

            var end = at + phrase.Phrase.Length;
            if (end < line.Length && char.IsLetterOrDigit(line[end]))
            {
                break;
            }

            kind = found ? kind : phrase.Kind;
            found = true;
            at = end;
            var skip = line[at..].TrimStart();
            if (skip.Length > 0 && skip[0] == '(' && skip.IndexOf(')') is var close and > 0)
            {
                at = line.Length - skip.Length + close + 1;
            }

            if (at < line.Length && line[at] == '/')
            {
                at++;
                continue;
            }

            break;
        }

        if (!found || (at < line.Length && !(line[at] == ':' || char.IsWhiteSpace(line[at]))))
        {
            return false;
        }

        rest = line[at..].TrimStart(": \t");
        if (kind == Section.Actives)
        {
            foreach (var word in _purposeColumn)
            {
                if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (rest.Length == word.Length || !char.IsLetter(rest[word.Length])))
                {
                    rest = rest[word.Length..].TrimStart(": \t");
                }
            }
        }

        return true;
    }

    /// <summary>The entries of one section as ranges of its text (§1.3, §1.4).</summary>
    private List<(int Start, int End, bool MayContain)> Entries(string body)
    {
        var entries = Split(body, newlineSeparates: false, out var separators);
        return separators == 0 && body.Contains('\n') ? Split(body, newlineSeparates: true, out _) : entries;
    }

    private List<(int Start, int End, bool MayContain)> Split(string s, bool newlineSeparates, out int separators)
    {
        var entries = new List<(int, int, bool)>();
        separators = 0;
        var closes = Brackets(s);
        var markers = false;
        foreach (var marker in _mayContain)
        {
            markers |= s.Contains(marker, StringComparison.OrdinalIgnoreCase);
        }

        var mayContain = false;
        var bracketedMayContain = false;
        var start = 0;
        var i = 0;
        try
        {
            while (i < s.Length)
            {
                var c = s[i];
                if (i == start && (char.IsWhiteSpace(c) && c != '\n' || c == '\n' && !newlineSeparates))
                {
                    start = ++i;
                    continue;
                }

                // An entry that starts with a footnote marker is the legend: drop the rest of its line.
                if (i == start && InciText.IsFootnoteMarker(c))
                {
                    var newline = s.IndexOf('\n', i);
                    start = i = newline < 0 ? s.Length : newline + 1;
                    continue;
                }

                if (markers && MayContainAt(s, i) is var markerEnd and > 0)
                {
                    Emit(entries, start, i, mayContain);
                    mayContain = true;
                    bracketedMayContain = s[i] == '[';
                    start = i = markerEnd;
                    continue;
                }

                if (c == ']' && bracketedMayContain)
                {
                    Emit(entries, start, i, mayContain);
                    mayContain = bracketedMayContain = false;
                    start = ++i;
                    continue;
                }

                if ((c == '(' || c == '[') && closes is not null && closes[i] > i)
                {
                    i = closes[i] + 1;
                    continue;
                }

                var separates = c switch
                {
                    ',' => !DigitComma(s, i) && !BeforePercentage(s, i + 1),
                    ';' => true,
                    '.' => (i + 1 == s.Length || char.IsWhiteSpace(s[i + 1])) && (i == 0 || s[i - 1] != '.') && !PeriodException(s, i),
                    '\n' => newlineSeparates,
                    _ => InciText.IsBullet(c),
                };
                if (separates)
                {
                    if (c is not '.' and not '\n')
                    {
                        separators++;
                    }

                    Emit(entries, start, i, mayContain);
                    start = i + 1;
                }

                i++;
            }

            Emit(entries, start, s.Length, mayContain);
            return entries;
        }
        finally
        {
            if (closes is not null)
            {
                ArrayPool<int>.Shared.Return(closes);
            }
        }
    }

    private static void Emit(List<(int, int, bool)> entries, int start, int end, bool mayContain)
    {
        if (end > start)
        {
            entries.Add((start, end, mayContain));
        }
    }

    /// <summary>For each <c>(</c> or <c>[</c>, the index of its match; unmatched ones point at themselves and protect nothing.</summary>
    private static int[]? Brackets(string s)
    {
        if (s.AsSpan().IndexOfAny('(', '[') < 0)
        {
            return null;
        }

        // The second half of the rented array is the stack of open brackets.
        var closes = ArrayPool<int>.Shared.Rent(2 * s.Length);
        var open = s.Length;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '(' or '[':
                    closes[i] = i;
                    closes[open++] = i;
                    break;
                case ')' or ']' when open > s.Length:
                    closes[closes[--open]] = i;
                    break;
            }
        }

        return closes;
    }

    /// <summary><c>1,2-Hexanediol</c>, <c>0,5 %</c>, <c>1, 2-Hexanediol</c>: a comma inside a number or a chemical locant.</summary>
    private static bool DigitComma(string s, int i)
    {
        if (i == 0 || !char.IsAsciiDigit(s[i - 1]) || i + 1 >= s.Length)
        {
            return false;
        }

        if (char.IsAsciiDigit(s[i + 1]))
        {
            return true;
        }

        var next = SkipSpaces(s, i + 1);

        var singleDigit = i < 2 || !char.IsLetterOrDigit(s[i - 2]);
        return singleDigit && next + 1 < s.Length && char.IsAsciiDigit(s[next]) && s[next + 1] == '-';
    }

    /// <summary><c>Adapalene USP, 0.1%</c>: the comma before a strength does not end the ingredient.</summary>
    private static bool BeforePercentage(string s, int i)
    {
        i = SkipSpaces(s, i);

        var digits = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || (s[i] is '.' or ',' && i > digits)))
        {
            i++;
        }

        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return i > digits && i < s.Length && s[i] == '%';
    }

    private bool PeriodException(string s, int i)
    {
        var start = i;
        while (start > 0 && (char.IsLetter(s[start - 1]) || s[start - 1] == '.'))
        {
            start--;
        }

        var word = s.AsSpan(start, i - start);
        foreach (var exception in _periodExceptions)
        {
            if (word.Equals(exception, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of a "may contain" marker starting at <paramref name="i"/>, or 0 (§1.4).</summary>
    private int MayContainAt(string s, int i)
    {
        if (i > 0 && char.IsLetterOrDigit(s[i - 1]))
        {
            return 0;
        }

        var at = i;
        if (s[at] == '[')
        {
            at = SkipSpaces(s, at + 1);
        }

        var phrases = 0;
        while (at < s.Length)
        {
            var paren = s[at] == '(';
            var from = paren ? at + 1 : at;
            var phrase = _mayContain.FirstOrDefault(m => s.AsSpan(from).StartsWith(m, StringComparison.OrdinalIgnoreCase));
            if (phrase is null)
            {
                break;
            }

            var end = from + phrase.Length;
            if (paren)
            {
                if (end >= s.Length || s[end] != ')')
                {
                    break;
                }

                end++;
            }
            else if (end < s.Length && char.IsLetterOrDigit(s[end]) && char.IsLetterOrDigit(phrase[^1]))
            {
                break;
            }

            phrases++;
            at = SkipSpaces(s, end);
        }

        if (phrases == 0)
        {
            return 0;
        }

        return at < s.Length && s[at] == ':' ? at + 1 : at;
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Turns one entry's text into ingredients (§1.5–§1.9); false when nothing is left of it.</summary>
    private bool AddEntry(ReadOnlySpan<char> raw, bool actives, bool mayContain, ref int position, List<InciIngredient> ingredients)
    {
        var text = raw.Trim().ToString();
        if (actives)
        {
            // Drug Facts purpose column: after the strength (or a dot leader) the rest of the entry is the purpose.
            var strength = Percentage().Match(text);
            if (strength.Success)
            {
                text = text[..(strength.Index + strength.Length)];
            }

            var leader = text.IndexOf("..", StringComparison.Ordinal);
            if (leader >= 0)
            {
                text = text[..leader];
            }
        }

        if (text.AsSpan().IndexOfAny(InciText.FootnoteMarkers) >= 0)
        {
            text = string.Concat(text.Where(c => !InciText.IsFootnoteMarker(c)));
        }

        if (text.Contains('%'))
        {
            text = Percentage().Replace(text, " ");
        }

        var display = Display(text);
        if (display.Length == 0)
        {
            return false;
        }

        int? at = mayContain ? null : ++position;
        if (!display.Contains("(and)", StringComparison.OrdinalIgnoreCase))
        {
            ingredients.Add(Ingredient(display, at));
            return true;
        }

        var added = false;
        foreach (var part in AndSplit().Split(display))
        {
            var name = Display(part);
            if (name.Length > 0)
            {
                ingredients.Add(Ingredient(name, at));
                added = true;
            }
        }

        if (!added && at is not null)
        {
            position--;
        }

        return added;
    }

    /// <summary>Whitespace collapsed, trailing punctuation removed.</summary>
    private static string Display(string text)
    {
        var span = text.AsSpan().Trim(" \n,;:.");
        var needsCollapse = false;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == '\n' || (span[i] == ' ' && i + 1 < span.Length && span[i + 1] == ' '))
            {
                needsCollapse = true;
                break;
            }
        }

        if (!needsCollapse)
        {
            return span.Length == text.Length ? text : span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private InciIngredient Ingredient(string display, int? position)
    {
        var (name, inner) = Strip(display);
        var key = InciText.Key(name, DroppedSuffixes);
        var parenthetical = inner.Count == 0 ? [] : inner.Select(n => InciText.Key(n, DroppedSuffixes)).Where(k => k.Length > 0).ToArray();
        if (!key.Contains('/'))
        {
            return new InciIngredient(display, position, key, [key], parenthetical, []);
        }

        var parts = key.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = parts.Length > 0;
        foreach (var part in parts)
        {
            known &= _isKnownName(part);
        }

        return known
            ? new InciIngredient(display, position, key, parts, parenthetical, [])
            : new InciIngredient(display, position, key, [key], parenthetical, parts);
    }

    /// <summary>
    /// The name without parentheticals and square brackets, and the names inside the parentheses (split at separators,
    /// since <c>Water (Aqua, Eau)</c> names two). An unclosed parenthesis runs to the end of the name.
    /// </summary>
    private static (string Name, List<string> Inner) Strip(string display)
    {
        if (display.AsSpan().IndexOfAny("()[]") < 0)
        {
            return (display, []);
        }

        var name = new StringBuilder(display.Length);
        var inner = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var squareDepth = 0;
        foreach (var c in display)
        {
            switch (c)
            {
                case '(':
                    depth++;
                    FlushInner(current, inner);
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    FlushInner(current, inner);
                    name.Append(' ');
                    break;
                case '[':
                    squareDepth++;
                    break;
                case ']':
                    squareDepth = Math.Max(0, squareDepth - 1);
                    name.Append(' ');
                    break;
                case ',' or ';' when depth > 0:
                    FlushInner(current, inner);
                    break;
                default:
                    if (squareDepth > 0)
                    {
                        break;
                    }

                    (depth > 0 ? current : name).Append(c);
                    break;
            }
        }

        FlushInner(current, inner);
        return (name.ToString(), inner);
    }

    private static void FlushInner(StringBuilder current, List<string> inner)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
        {
            inner.Add(text);
        }

        current.Clear();
    }

    [GeneratedRegex(@"\(?\s*\d+([.,]\d+)?\s*%\s*(w/w|w/v|v/v)?\s*\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"\(\s*and\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSplit();
}
