using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

/// <summary>
/// One ingredient as read from a list: the text to show, its position (null in a "may contain" section) and the keys
/// to classify. A synonym slash (<c>Aqua/Water/Eau</c>) is one ingredient with several <see cref="Keys"/>.
/// </summary>
public readonly struct InciIngredient
{
    private readonly IngredientName _name;

    internal InciIngredient(IngredientName name, int? position)
    {
        _name = name;
        Position = position;
    }

    /// <summary>The name as printed (percentages and footnote markers removed, parentheses kept).</summary>
    public string Inci => _name.Inci;

    public int? Position { get; }

    /// <summary>The key of the whole name; what duplicates are recognised by.</summary>
    public string Key => _name.Info.Key;

    /// <summary>The keys classified in full: the name's, or each synonym's.</summary>
    public IReadOnlyList<string> Keys => _name.Synonyms is { } synonyms ? IngredientName.KeysOf(synonyms) : [Key];

    /// <summary>Keys of names in parentheses; they add a class only by exact name (§1.7).</summary>
    public IReadOnlyList<string> Parenthetical => IngredientName.KeysOf(_name.Parenthetical);

    /// <summary>Keys of the parts of a slash name that is not a synonym list; they can add avoid or careful classes.</summary>
    public IReadOnlyList<string> SlashParts => IngredientName.KeysOf(_name.SlashParts);

    internal KeyInfo Info => _name.Info;

    internal KeyInfo[]? Synonyms => _name.Synonyms;

    internal KeyInfo[] ParentheticalInfo => _name.Parenthetical;

    internal KeyInfo[] SlashPartInfo => _name.SlashParts;
}

/// <summary>
/// An ingredient as one entry names it, wherever the entry stands: worked out once per distinct entry, with the
/// classification of every key it holds, so checking a list looks nothing up again.
/// </summary>
internal sealed class IngredientName(string inci, KeyInfo info, KeyInfo[]? synonyms, KeyInfo[]? parenthetical, KeyInfo[]? slashParts)
{
    private static readonly KeyInfo[] None = [];

    public string Inci { get; } = inci;

    public KeyInfo Info { get; } = info;

    /// <summary>The synonyms of a synonym slash; null otherwise.</summary>
    public KeyInfo[]? Synonyms { get; } = synonyms;

    public KeyInfo[] Parenthetical { get; } = parenthetical ?? None;

    public KeyInfo[] SlashParts { get; } = slashParts ?? None;

    public static string[] KeysOf(KeyInfo[] infos) => [.. infos.Select(i => i.Key)];
}

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

    /// <summary>Characters the scanner must look at: separators, brackets, footnote markers.</summary>
    private static readonly SearchValues<char> Stops = SearchValues.Create(",;.\n()[]|•·●▪" + InciText.FootnoteMarkers);

    /// <summary>The same, plus the first characters of "may contain" markers, for the rare section that has one.</summary>
    private static readonly SearchValues<char> StopsWithMayContain = SearchValues.Create(",;.\n()[]|•·●▪+mMpP" + InciText.FootnoteMarkers);

    private static readonly SearchValues<char> BracketChars = SearchValues.Create("()[]");

    // Searched with SearchValues, not string.Contains(…, OrdinalIgnoreCase): with invariant globalization the latter
    // falls back to a character-by-character scan that made this parser seven times slower.
    private static readonly SearchValues<string> And = SearchValues.Create(["(and)"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Characters that make an entry's display text more than its trimmed text.</summary>
    private static readonly SearchValues<char> Rewritten = SearchValues.Create("%\n\t" + InciText.FootnoteMarkers);

    /// <summary>Left around an entry by separators and punctuation; never part of a name.</summary>
    private static readonly SearchValues<char> Trimmed = SearchValues.Create(" \n,;:.");

    /// <summary>Header phrases by their first letter (lowercase ASCII; other first letters under 0), longest first.</summary>
    private readonly (string Phrase, Section Kind)[][] _headers;
    private readonly string[] _purposeColumn;
    private readonly string[] _mayContain;
    private readonly SearchValues<string> _mayContainSearch;
    private readonly string[] _periodExceptions;
    /// <summary>Distinct entries remembered; enough for every INCI name in use, bounded so odd input cannot grow it forever.</summary>
    private const int MaxRememberedEntries = 100_000;

    private const int MaxRememberedEntry = 200;

    private readonly IngredientClassifier _classifier;
    private readonly ConcurrentDictionary<string, IngredientName[]> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IngredientName[]>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;

    internal InciParser(InciSyntax syntax, IngredientClassifier classifier)
    {
        var headers = syntax.Headers.List.Select(p => (p, Section.List))
            .Concat(syntax.Headers.Actives.Select(p => (p, Section.Actives)))
            .Concat(syntax.Headers.Inactive.Select(p => (p, Section.Inactive)))
            .Concat(syntax.Headers.Ignored.Select(p => (p, Section.Ignored)))
            .OrderByDescending(h => h.p.Length)
            .ToArray();
        _headers = [.. Enumerable.Range(0, 128).Select(c => headers.Where(h => HeaderBucket(h.p[0]) == c).ToArray())];
        _purposeColumn = [.. syntax.PurposeColumn];
        _mayContain = [.. syntax.MayContain];
        _mayContainSearch = SearchValues.Create(_mayContain, StringComparison.OrdinalIgnoreCase);
        _periodExceptions = [.. syntax.PeriodExceptions];
        DroppedSuffixes = SuffixesOf(syntax);
        _classifier = classifier;
        _entriesBySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Trailing words a key does without: pharmacopoeia suffixes and <c>nano</c> (§1.7).</summary>
    internal string[] DroppedSuffixes { get; }

    internal static string[] SuffixesOf(InciSyntax syntax) => [.. syntax.PharmacopoeiaSuffixes.Select(s => s.ToLowerInvariant()), "nano"];

    public InciList Parse(string text, int maxIngredients = int.MaxValue)
    {
        var sections = Sections(InciText.Clean(text));
        var reader = new EntryReader(this, new List<InciIngredient>(32), maxIngredients);

        // Drug Facts actives come first whatever their place on the label (§1.2).
        for (var pass = 0; pass < 2; pass++)
        {
            reader.Actives = pass == 0;
            foreach (var (kind, body) in sections)
            {
                if ((kind == Section.Actives) != reader.Actives || reader.TooMany)
                {
                    continue;
                }

                ReadEntries(body, ref reader);
            }
        }

        return new InciList(reader.Ingredients, reader.TooMany);
    }

    /// <summary>
    /// Reads the entries of one section (§1.3, §1.4). A section on one line is read as it is split; only a section
    /// of several lines is split first, since whether newlines separate depends on whether anything else does.
    /// </summary>
    private void ReadEntries(string body, ref EntryReader reader)
    {
        if (!body.Contains('\n'))
        {
            Split(body, newlineSeparates: false, ref reader, out _);
            return;
        }

        var entries = new EntryList([]);
        Split(body, newlineSeparates: false, ref entries, out var separators);
        if (separators == 0)
        {
            entries.Entries.Clear();
            Split(body, newlineSeparates: true, ref entries, out _);
        }

        foreach (var (start, end, mayContain) in entries.Entries)
        {
            if (!reader.Entry(body, start, end, mayContain))
            {
                break;
            }
        }
    }

    /// <summary>Where <see cref="Split{TSink}"/> puts each entry it finds; false stops the split.</summary>
    private interface IEntrySink
    {
        bool Entry(string body, int start, int end, bool mayContain);
    }

    private readonly record struct EntryList(List<(int Start, int End, bool MayContain)> Entries) : IEntrySink
    {
        public bool Entry(string body, int start, int end, bool mayContain)
        {
            Entries.Add((start, end, mayContain));
            return true;
        }
    }

    /// <summary>Turns entries into ingredients, numbering them, until there are more than the limit.</summary>
    private struct EntryReader(InciParser parser, List<InciIngredient> ingredients, int maxIngredients) : IEntrySink
    {
        private int _position;

        public readonly List<InciIngredient> Ingredients => ingredients;

        public bool Actives { get; set; }

        public bool TooMany { get; private set; }

        public bool Entry(string body, int start, int end, bool mayContain)
        {
            TooMany = parser.AddEntry(body.AsSpan(start, end - start), Actives, mayContain, ref _position, ingredients) && ingredients.Count > maxIngredients;
            return !TooMany;
        }
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

    private static (string Phrase, Section Kind) Phrase(ReadOnlySpan<char> text, (string Phrase, Section Kind)[] headers)
    {
        foreach (var header in headers)
        {
            if (text.StartsWith(header.Phrase, StringComparison.OrdinalIgnoreCase))
            {
                return header;
            }
        }

        return default;
    }

    private static int HeaderBucket(char c) => char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) : 0;

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
            var bucket = at < line.Length ? HeaderBucket(line[at]) : 0;
            var phrase = Phrase(line[at..], _headers[bucket]);
            if (phrase.Phrase is null && bucket != 0)
            {
                phrase = Phrase(line[at..], _headers[0]);
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

    /// <summary>
    /// Splits one section into entries. Jumps from one character that can matter to the next (separators, brackets,
    /// footnote markers), so the text between them costs a vectorised search.
    /// </summary>
    private void Split<TSink>(string s, bool newlineSeparates, ref TSink sink, out int separators)
        where TSink : struct, IEntrySink
    {
        separators = 0;
        var closes = Brackets(s);
        var markers = s.AsSpan().ContainsAny(_mayContainSearch);

        var stops = markers ? StopsWithMayContain : Stops;
        var mayContain = false;
        var bracketedMayContain = false;
        var start = EntryStart(s, 0, newlineSeparates);
        var i = start;
        try
        {
            while (true)
            {
                var next = i < s.Length ? s.AsSpan(i).IndexOfAny(stops) : -1;
                if (next < 0)
                {
                    break;
                }

                i += next;
                var c = s[i];
                if (markers && MayContainAt(s, i) is var markerEnd and > 0)
                {
                    if (!Emit(ref sink, s, start, i, mayContain))
                    {
                        return;
                    }

                    mayContain = true;
                    bracketedMayContain = s[i] == '[';
                    start = i = EntryStart(s, markerEnd, newlineSeparates);
                    continue;
                }

                if (c == ']' && bracketedMayContain)
                {
                    if (!Emit(ref sink, s, start, i, mayContain))
                    {
                        return;
                    }

                    mayContain = bracketedMayContain = false;
                    start = i = EntryStart(s, i + 1, newlineSeparates);
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
                    '\n' => newlineSeparates && !AfterKeptComma(s, i),
                    _ => InciText.IsBullet(c),
                };
                if (separates)
                {
                    if (c is not '.' and not '\n')
                    {
                        separators++;
                    }

                    if (!Emit(ref sink, s, start, i, mayContain))
                    {
                        return;
                    }

                    start = i = EntryStart(s, i + 1, newlineSeparates);
                    continue;
                }

                i++;
            }

            Emit(ref sink, s, start, s.Length, mayContain);
        }
        finally
        {
            if (closes is not null)
            {
                ArrayPool<int>.Shared.Return(closes);
            }
        }
    }

    /// <summary>Where the next entry starts: after spaces; an entry that starts with a footnote marker is the legend, dropped with the rest of its line.</summary>
    private static int EntryStart(string s, int i, bool newlineSeparates)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c == ' ' || (c == '\n' && !newlineSeparates))
            {
                i++;
            }
            else if (InciText.IsFootnoteMarker(c))
            {
                var newline = s.IndexOf('\n', i);
                i = newline < 0 ? s.Length : newline + 1;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Hands a non-empty entry to the sink; false when the sink wants no more.</summary>
    private static bool Emit<TSink>(ref TSink sink, string s, int start, int end, bool mayContain)
        where TSink : struct, IEntrySink =>
        end <= start || sink.Entry(s, start, end, mayContain);

    /// <summary>For each <c>(</c> or <c>[</c>, the index of its match; unmatched ones point at themselves and protect nothing.</summary>
    private static int[]? Brackets(string s)
    {
        var first = s.AsSpan().IndexOfAny('(', '[');
        if (first < 0)
        {
            return null;
        }

        // The second half of the rented array is the stack of open brackets.
        var closes = ArrayPool<int>.Shared.Rent(2 * s.Length);
        var open = s.Length;
        for (var i = first; i < s.Length; i++)
        {
            var next = s.AsSpan(i).IndexOfAny(BracketChars);
            if (next < 0)
            {
                break;
            }

            i += next;
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

    /// <summary>A line break right after a comma that did not separate (<c>1,⏎2-Hexanediol</c>) continues the name.</summary>
    private static bool AfterKeptComma(string s, int i)
    {
        while (i > 0 && s[i - 1] == ' ')
        {
            i--;
        }

        return i > 0 && s[i - 1] == ',';
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

    /// <summary>Spaces and the punctuation around an entry cut off both ends (a set lookup: this runs once per entry).</summary>
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && Trimmed.Contains(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && Trimmed.Contains(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>Turns one entry's text into ingredients (§1.5–§1.9); false when nothing is left of it.</summary>
    private bool AddEntry(ReadOnlySpan<char> raw, bool actives, bool mayContain, ref int position, List<InciIngredient> ingredients)
    {
        var text = Trim(raw);
        if (text.IsEmpty)
        {
            return false;
        }

        // How an entry reads does not depend on where it stands (outside Drug Facts actives), and the same entries
        // ("Aqua", "Glycerin", "Phenoxyethanol") fill most lists: each distinct entry is worked out once.
        IngredientName[]? parts;
        if (actives || text.Length > MaxRememberedEntry)
        {
            parts = Read(text.ToString(), actives);
        }
        else if (!_entriesBySpan.TryGetValue(text, out parts))
        {
            var entry = text.ToString();
            parts = Read(entry, actives: false);
            if (_entries.Count < MaxRememberedEntries)
            {
                _entries.TryAdd(entry, parts);
            }
        }

        if (parts.Length == 0)
        {
            return false;
        }

        int? at = mayContain ? null : ++position;
        foreach (var part in parts)
        {
            ingredients.Add(new InciIngredient(part, at));
        }

        return true;
    }

    /// <summary>The ingredients one entry names: one, or several for an <c>(and)</c> mixture; none when nothing is left.</summary>
    private IngredientName[] Read(string text, bool actives)
    {
        var display = actives || text.AsSpan().IndexOfAny(Rewritten) >= 0 || text.Contains("  ", StringComparison.Ordinal)
            ? Rewrite(text, actives)
            : text;
        if (display.Length == 0)
        {
            return [];
        }

        if (!display.Contains('(') || !display.AsSpan().ContainsAny(And))
        {
            return [Ingredient(display)];
        }

        return [.. AndSplit().Split(display).Select(part => Rewrite(part, actives: false)).Where(name => name.Length > 0).Select(Ingredient)];
    }

    /// <summary>
    /// The display text of an entry that needs more than trimming: the Drug Facts purpose column cut off, footnote
    /// markers and percentages removed, whitespace collapsed, trailing punctuation removed.
    /// </summary>
    private static string Rewrite(string text, bool actives)
    {
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

        if (text.Contains('%'))
        {
            text = Percentage().Replace(text, " ");
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (!InciText.IsFootnoteMarker(c))
            {
                builder.Append(c);
            }
        }

        return Trim(builder.ToString()).ToString();
    }

    private IngredientName Ingredient(string display)
    {
        var hasBrackets = display.AsSpan().IndexOfAny("()[]") >= 0;
        var (name, inner) = hasBrackets ? Strip(display) : (display, null);
        var info = Classify(name);
        var parenthetical = inner is null ? null : inner.Select(n => _classifier.Classify(InciText.Key(n, DroppedSuffixes))).Where(k => k.Key.Length > 0).ToArray();
        if (!info.Key.Contains('/'))
        {
            return new IngredientName(display, info, null, parenthetical, null);
        }

        var parts = info.Key.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(_classifier.Classify).ToArray();
        var known = parts.Length > 0 && parts.All(p => p.Known);
        return known
            ? new IngredientName(display, info, parts, parenthetical, null)
            : new IngredientName(display, info, null, parenthetical, parts);
    }

    /// <summary>The key of a name, looked up without building a string when it is already known (the common case).</summary>
    private KeyInfo Classify(string name)
    {
        Span<char> buffer = name.Length <= 200 ? stackalloc char[InciText.MaxKeyLength(name)] : new char[InciText.MaxKeyLength(name)];
        return _classifier.Classify(buffer[..InciText.Key(name, buffer, DroppedSuffixes)]);
    }

    /// <summary>
    /// The name without parentheticals and square brackets, and the names inside the parentheses (split at separators,
    /// since <c>Water (Aqua, Eau)</c> names two). An unclosed parenthesis runs to the end of the name.
    /// </summary>
    private static (string Name, List<string>? Inner) Strip(string display)
    {
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
        return (name.ToString(), inner.Count == 0 ? null : inner);
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
