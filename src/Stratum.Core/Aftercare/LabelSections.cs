using System.Text;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

internal enum Section { Lead, List, Actives, Inactive, Ignored }

/// <summary>
/// Stage 1 of reading a label: the text cut into its header sections (ingredients.md §1.2). Ingredient, Drug Facts
/// actives and inactive sections are kept; Purpose, Uses, Warnings and Directions are dropped; a footnote legend line
/// (one that starts with a marker, §1.7) is dropped too.
/// </summary>
internal sealed class LabelSections(InciSyntax syntax)
{
    /// <summary>Header phrases, longest first, so that "Uses" is tried before "Use".</summary>
    private readonly (string Phrase, Section Kind)[] _headers = [.. syntax.Headers.List.Select(p => (p, Section.List))
        .Concat(syntax.Headers.Actives.Select(p => (p, Section.Actives)))
        .Concat(syntax.Headers.Inactive.Select(p => (p, Section.Inactive)))
        .Concat(syntax.Headers.Ignored.Select(p => (p, Section.Ignored)))
        .OrderByDescending(h => h.p.Length)];

    public List<(Section Kind, string Body)> Read(string text)
    {
        // Most pasted lists are one line without a header: nothing to cut.
        if (!text.Contains('\n') && !IsLegend(LineStart(text)) && !Header(LineStart(text), out _, out _))
        {
            return [(Section.Lead, text)];
        }

        var sections = new List<(Section Kind, StringBuilder Body)> { (Section.Lead, new StringBuilder()) };
        Section? firstHeader = null;
        foreach (var line in text.Split('\n'))
        {
            var start = LineStart(line);
            if (IsLegend(start))
            {
                continue;
            }

            if (Header(start, out var kind, out var rest))
            {
                firstHeader ??= kind;
                sections.Add((kind, new StringBuilder().Append(rest)));
                continue;
            }

            var body = sections[^1].Body;
            (body.Length > 0 ? body.Append('\n') : body).Append(line);
        }

        // Text before the first header is the list when that header only starts directions or warnings;
        // before an ingredients or Drug Facts header it is the product's title.
        var leadIsList = firstHeader is null or Section.Ignored;
        return [.. sections
            .Where(s => s.Kind is Section.List or Section.Actives or Section.Inactive || (s.Kind == Section.Lead && leadIsList))
            .Select(s => (s.Kind, s.Body.ToString()))];
    }

    private static bool IsLegend(ReadOnlySpan<char> line) => line.Length > 0 && InciText.IsFootnoteMarker(line[0]);

    /// <summary>A line without its indentation and list bullets, where a header may start (DailyMed puts bullets before headings).</summary>
    private static ReadOnlySpan<char> LineStart(string line) => line.AsSpan().TrimStart(" \t•·●▪|");

    /// <summary>
    /// Whether the line starts with a header: one or more phrases joined by <c>/</c>, each perhaps followed by a
    /// parenthetical (<c>(w/w)</c>), then a colon, a space or the end of the line. <paramref name="rest"/> is what follows.
    /// </summary>
    private bool Header(ReadOnlySpan<char> line, out Section kind, out ReadOnlySpan<char> rest)
    {
        kind = Section.Lead;
        rest = default;
        var at = 0;
        var found = false;
        while (Phrase(line[at..]) is { Phrase: not null } header)
        {
            var end = at + header.Phrase.Length;
            if (end < line.Length && char.IsLetterOrDigit(line[end]))
            {
                break;
            }

            kind = found ? kind : header.Kind;
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
            // "Active ingredient      Purpose": the column title is not an ingredient.
            foreach (var word in syntax.PurposeColumn)
            {
                if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (rest.Length == word.Length || !char.IsLetter(rest[word.Length])))
                {
                    rest = rest[word.Length..].TrimStart(": \t");
                }
            }
        }

        return true;
    }

    private (string Phrase, Section Kind) Phrase(ReadOnlySpan<char> text)
    {
        foreach (var header in _headers)
        {
            if (text.StartsWith(header.Phrase, StringComparison.OrdinalIgnoreCase))
            {
                return header;
            }
        }

        return default;
    }
}
