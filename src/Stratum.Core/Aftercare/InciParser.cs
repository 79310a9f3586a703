using System.Collections.Concurrent;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

/// <summary>
/// One ingredient as read from a list: the text to show, its position (null in a "may contain" section), the keys to
/// classify and whether the name was recognised. A synonym slash (<c>Aqua/Water/Eau</c>) is one ingredient with several <see cref="Keys"/>.
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

    /// <summary>A class member, a known name, a name by construction or a near miss of a known name (§1.3a).</summary>
    public bool Recognised => _name.Recognised;

    /// <summary>The known name a near-miss spelling was read as; null when the name was read as written.</summary>
    public string? MatchedAs => _name.Info.MatchedAs;

    internal KeyInfo Info => _name.Info;

    internal KeyInfo[]? Synonyms => _name.Synonyms;

    internal KeyInfo[] ParentheticalInfo => _name.Parenthetical;

    internal KeyInfo[] SlashPartInfo => _name.SlashParts;
}

/// <summary>An ingredient as one entry names it, wherever the entry stands, with the classification of every key it holds.</summary>
internal sealed class IngredientName
{
    public IngredientName(string inci, KeyInfo info, KeyInfo[]? synonyms, KeyInfo[] parenthetical, KeyInfo[] slashParts)
    {
        (Inci, Info, Synonyms, Parenthetical, SlashParts) = (inci, info, synonyms, parenthetical, slashParts);
        Recognised = Holds(k => k.Recognised);
        KnownAsWritten = Holds(k => k.KnownAsWritten);
    }

    public string Inci { get; }

    public KeyInfo Info { get; }

    /// <summary>The synonyms of a synonym slash; null otherwise.</summary>
    public KeyInfo[]? Synonyms { get; }

    public KeyInfo[] Parenthetical { get; }

    public KeyInfo[] SlashParts { get; }

    public bool Recognised { get; }

    public bool KnownAsWritten { get; }

    /// <summary>A name of a list, a class or a label, exactly: not one made by construction or read from a slip.</summary>
    public bool KnownExactly => Holds(k => k.How == Recognition.Exact);

    public static string[] KeysOf(KeyInfo[] infos) => [.. infos.Select(i => i.Key)];

    /// <summary>
    /// Whether the name is known: every synonym of a synonym slash; else the whole name, or each part of a slash, or
    /// (a trade name with its INCI names in parentheses) each name in the parentheses.
    /// </summary>
    private bool Holds(Func<KeyInfo, bool> known) =>
        Synonyms is { } synonyms ? synonyms.All(known)
        : known(Info) || (SlashParts.Length > 0 && SlashParts.All(known)) || (Parenthetical.Length > 0 && Parenthetical.All(known));
}

/// <summary>A parsed list; <see cref="TooMany"/> is set when reading stopped at the limit.</summary>
public sealed record InciList(IReadOnlyList<InciIngredient> Ingredients, bool TooMany);

/// <summary>
/// Reads an INCI list as printed on a product (ingredients.md §1) in stages that each do one thing: cut the label into
/// sections (<see cref="LabelSections"/>), split a section into pieces (<see cref="EntrySplitter"/>), join the pieces a
/// wrapped line parted, clean each piece into names (<see cref="EntryText"/>), key them (<see cref="InciText"/>), and
/// match and classify each key with one lookup (<see cref="IngredientClassifier"/>). Never throws: anything it cannot
/// read stays in the list as an unrecognised ingredient.
/// </summary>
public sealed class InciParser
{
    /// <summary>Distinct entries remembered; enough for every INCI name in use, bounded so odd input cannot grow it forever.</summary>
    private const int MaxRememberedEntries = 100_000;

    private const int MaxRememberedEntry = 200;

    private readonly LabelSections _sections;
    private readonly EntrySplitter _splitter;
    private readonly IngredientClassifier _classifier;
    private readonly ConcurrentDictionary<string, IngredientName[]> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IngredientName[]>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;

    internal InciParser(InciSyntax syntax, IngredientClassifier classifier)
    {
        _sections = new LabelSections(syntax);
        _splitter = new EntrySplitter(syntax);
        _classifier = classifier;
        _entriesBySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        DroppedSuffixes = SuffixesOf(syntax);
    }

    /// <summary>Trailing words a key does without: pharmacopoeia suffixes and <c>nano</c> (§1.7).</summary>
    internal string[] DroppedSuffixes { get; }

    internal static string[] SuffixesOf(InciSyntax syntax) => [.. syntax.PharmacopoeiaSuffixes.Select(s => InciText.Key(s, [])), "nano"];

    public InciList Parse(string text, int maxIngredients = int.MaxValue)
    {
        var sections = _sections.Read(InciText.Clean(text));
        var ingredients = new List<InciIngredient>(32);
        var pieces = new List<Piece>(32);
        var position = 0;

        // Drug Facts actives come first whatever their place on the label (§1.2).
        foreach (var actives in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var (kind, body) in sections)
            {
                if ((kind == Section.Actives) != actives)
                {
                    continue;
                }

                pieces.Clear();
                _splitter.Split(body, pieces);
                JoinWrappedNames(body, pieces);
                foreach (var piece in pieces)
                {
                    var names = Read(body.AsSpan(piece.Start, piece.End - piece.Start), actives);
                    if (names.Length == 0)
                    {
                        continue;
                    }

                    int? at = piece.MayContain ? null : ++position;
                    foreach (var name in names)
                    {
                        ingredients.Add(new InciIngredient(name, at));
                    }

                    if (ingredients.Count > maxIngredients)
                    {
                        return new InciList(ingredients, TooMany: true);
                    }
                }
            }
        }

        return new InciList(ingredients, TooMany: false);
    }

    /// <summary>
    /// A line break parts two names unless the label wrapped one (§1.3, version 2): two pieces around a bare line break
    /// are joined when together they are one known name and on their own they are not both published names
    /// (<c>Sodium⏎Hyaluronate</c>, <c>Butyrospermum Parkii⏎(Shea) Butter</c>), never otherwise (<c>Glycerin⏎Retinol</c>).
    /// </summary>
    private void JoinWrappedNames(string body, List<Piece> pieces)
    {
        for (var k = 1; k < pieces.Count; k++)
        {
            var (before, piece) = (pieces[k - 1], pieces[k]);
            if (!piece.AfterLineBreak || piece.MayContain != before.MayContain)
            {
                continue;
            }

            var joined = before with { End = piece.End };
            if (EndsMidName(body, before) || (IsKnownName(body, joined) && !(IsNameOfItsOwn(body, before) && IsNameOfItsOwn(body, piece))))
            {
                pieces[k - 1] = joined;
                pieces.RemoveAt(k--);
            }
        }
    }

    private bool IsKnownName(string body, Piece piece) =>
        Read(body.AsSpan(piece.Start, piece.End - piece.Start), actives: false) is [var name] && name.KnownAsWritten;

    /// <summary>A line that ends in a slash or a hyphen goes on in the next (<c>Parfum/⏎Fragrance</c>, <c>PEG-⏎40</c>).</summary>
    private static bool EndsMidName(string body, Piece piece) => body.AsSpan(piece.Start, piece.End - piece.Start).TrimEnd() is [.., '/' or '-'];

    /// <summary>A published name as written; a piece that opens with a parenthesis continues the line before (<c>(Shea) Butter</c>).</summary>
    private bool IsNameOfItsOwn(string body, Piece piece)
    {
        var text = body.AsSpan(piece.Start, piece.End - piece.Start).Trim();
        return text is not ['(', ..] && Read(text, actives: false) is [var name] && name.KnownExactly;
    }

    /// <summary>The names of one piece; outside Drug Facts actives a piece reads the same wherever it stands, so each distinct one is worked out once.</summary>
    private IngredientName[] Read(ReadOnlySpan<char> piece, bool actives)
    {
        if (actives || piece.Length > MaxRememberedEntry)
        {
            return Names(piece, actives);
        }

        if (_entriesBySpan.TryGetValue(piece, out var names))
        {
            return names;
        }

        names = Names(piece, actives: false);
        if (_entries.Count < MaxRememberedEntries)
        {
            _entries.TryAdd(piece.ToString(), names);
        }

        return names;
    }

    private IngredientName[] Names(ReadOnlySpan<char> piece, bool actives) => [.. EntryText.Display(piece, actives).Select(Ingredient)];

    private IngredientName Ingredient(string display)
    {
        var (name, inner) = EntryText.Strip(display);
        var info = Classify(name);
        var parenthetical = inner.Select(Classify).Where(k => k.Key.Length > 0).ToArray();

        // A label name with its INCI name in parentheses is that ingredient: "Vitamin C (Sodium Ascorbyl Phosphate)".
        if (info.LabelName && parenthetical.FirstOrDefault(p => p.Recognised) is { } named)
        {
            info = named;
        }

        if (!info.Key.Contains('/'))
        {
            return new IngredientName(display, info, null, parenthetical, []);
        }

        var parts = info.Key.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(_classifier.Classify).ToArray();
        return parts.Length > 0 && parts.All(p => p.Known)
            ? new IngredientName(display, info, parts, parenthetical, [])
            : new IngredientName(display, info, null, parenthetical, parts);
    }

    private KeyInfo Classify(string name) => _classifier.Classify(InciText.Key(name, DroppedSuffixes));
}
