namespace Stratum.Core.Vocabulary;

/// <summary>How Core's sentences list several things.</summary>
internal static class Prose
{
    /// <summary>"a", "a and b", "a, b and c" (or with <paramref name="conjunction"/> "or"); empty for none.</summary>
    public static string List(IReadOnlyList<string> items, string conjunction = "and") =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1];
}
