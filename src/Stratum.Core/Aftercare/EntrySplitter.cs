using System.Buffers;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

/// <summary>One piece of a section between separators; <see cref="AfterLineBreak"/> when only a line break parted it from the one before.</summary>
internal readonly record struct Piece(int Start, int End, bool MayContain, bool AfterLineBreak);

/// <summary>
/// Stage 2 of reading a label: a section cut into pieces at separators (ingredients.md §1.3, version 2). Commas,
/// semicolons, bullets, line breaks and a sentence's period separate, in any mix; nothing inside brackets does; a comma
/// between digits (<c>1,2-Hexanediol</c>) or before a strength (<c>Adapalene USP, 0.1%</c>) does not. Whether a line
/// break parted a name the label wrapped is decided later, by the names the pieces make (<see cref="InciParser"/>).
/// </summary>
internal sealed class EntrySplitter(InciSyntax syntax)
{
    private static readonly SearchValues<char> Stops = SearchValues.Create(",;.\n()[]|•·●▪" + InciText.FootnoteMarkers);

    private readonly SearchValues<string> _mayContain = SearchValues.Create([.. syntax.MayContain], StringComparison.OrdinalIgnoreCase);

    public void Split(string s, List<Piece> pieces)
    {
        var mayContain = false;
        var bracketed = false;
        var lineBreak = false;
        var hasMarker = s.AsSpan().ContainsAny(_mayContain);
        var start = PieceStart(s, 0);
        var i = start;
        while (i < s.Length)
        {
            var marker = hasMarker ? MayContainAt(s, i) : 0;
            if (marker > 0)
            {
                Add(pieces, s, start, i, mayContain, ref lineBreak, '\0');
                mayContain = true;
                bracketed = s[i] == '[';
                start = i = PieceStart(s, marker);
                continue;
            }

            var next = hasMarker ? i : s.AsSpan(i).IndexOfAny(Stops) is var found and >= 0 ? i + found : -1;
            if (next < 0)
            {
                break;
            }

            i = next;
            var c = s[i];
            if (c == ']' && bracketed)
            {
                Add(pieces, s, start, i, mayContain, ref lineBreak, c);
                mayContain = bracketed = false;
                start = i = PieceStart(s, i + 1);
                continue;
            }

            if (c is '(' or '[' && Close(s, i) is var close and > 0)
            {
                i = close + 1;
                continue;
            }

            if (Separates(s, i))
            {
                Add(pieces, s, start, i, mayContain, ref lineBreak, c);
                start = i = PieceStart(s, i + 1);
                continue;
            }

            i++;
        }

        Add(pieces, s, start, s.Length, mayContain, ref lineBreak, '\0');
    }

    /// <summary>Adds a piece that holds text; remembers whether the next one follows a bare line break.</summary>
    private static void Add(List<Piece> pieces, string s, int start, int end, bool mayContain, ref bool lineBreak, char separator)
    {
        var empty = s.AsSpan(start, Math.Max(0, end - start)).Trim(" \n:").IsEmpty;
        if (!empty)
        {
            pieces.Add(new Piece(start, end, mayContain, lineBreak));
        }

        // A blank line or another separator before the break parts the pieces for sure.
        lineBreak = separator == '\n' && !empty;
    }

    private bool Separates(string s, int i) => s[i] switch
    {
        ',' => !DigitComma(s, i) && !BeforeStrength(s, i + 1),
        ';' => true,
        '.' => (i + 1 == s.Length || char.IsWhiteSpace(s[i + 1])) && (i == 0 || s[i - 1] != '.') && !PeriodException(s, i),
        '\n' => !AfterKeptComma(s, i),
        var c => InciText.IsBullet(c),
    };

    /// <summary>Where the next piece starts: after spaces; a piece that starts with a footnote marker is the legend, dropped to the line's end.</summary>
    private static int PieceStart(string s, int i)
    {
        while (i < s.Length && (s[i] == ' ' || InciText.IsFootnoteMarker(s[i])))
        {
            if (s[i] == ' ')
            {
                i++;
                continue;
            }

            var newline = s.IndexOf('\n', i);
            i = newline < 0 ? s.Length : newline;
        }

        return i;
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/>, or -1: an unclosed bracket protects nothing.</summary>
    private static int Close(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            depth += s[i] is '(' or '[' ? 1 : s[i] is ')' or ']' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
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
        var before = s.AsSpan(0, i).TrimEnd(' ');
        return before.Length > 0 && before[^1] == ',' && (DigitComma(s, before.Length - 1) || BeforeStrength(s, before.Length));
    }

    /// <summary><c>Adapalene USP, 0.1%</c>: the comma before a strength does not end the ingredient.</summary>
    private static bool BeforeStrength(string s, int i)
    {
        i = SkipSpaces(s, i);
        var digits = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || (s[i] is '.' or ',' && i > digits)))
        {
            i++;
        }

        i = SkipSpaces(s, i);
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
        foreach (var exception in syntax.PeriodExceptions)
        {
            if (word.Equals(exception, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of a "may contain" marker starting at <paramref name="i"/> (§1.4), or 0.</summary>
    private int MayContainAt(string s, int i)
    {
        if (i > 0 && char.IsLetterOrDigit(s[i - 1]))
        {
            return 0;
        }

        var at = s[i] == '[' ? SkipSpaces(s, i + 1) : i;
        var phrases = 0;
        while (at < s.Length)
        {
            var paren = s[at] == '(';
            var from = paren ? at + 1 : at;
            var phrase = syntax.MayContain.FirstOrDefault(m => s.AsSpan(from).StartsWith(m, StringComparison.OrdinalIgnoreCase));
            if (phrase is null)
            {
                break;
            }

            var end = from + phrase.Length;
            if (paren && (end >= s.Length || s[end] != ')'))
            {
                break;
            }

            if (!paren && end < s.Length && char.IsLetterOrDigit(s[end]) && char.IsLetterOrDigit(phrase[^1]))
            {
                break;
            }

            phrases++;
            at = SkipSpaces(s, paren ? end + 1 : end);
        }

        return phrases == 0 ? 0 : at < s.Length && s[at] == ':' ? at + 1 : at;
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }
}
