using System.Collections.Frozen;
using System.Text.Json;

namespace Stratum.Core.Vocabulary;

/// <summary>
/// The kebab-case codes of DESIGN §2 for every vocabulary enum: <c>HerpesLabialis</c> ⇄ <c>herpes-labialis</c>.
/// The single place where C# names meet the codes used by the CLI, the API and storage.
/// </summary>
public static class Codes
{
    public static string Of<T>(T value) where T : struct, Enum => Table<T>.ToCode[value];

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        value = default;
        return code is not null && Table<T>.FromCode.TryGetValue(code, out value);
    }

    /// <summary>Every code of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Table<T>.Ordered;

    /// <summary>"one of a, b, c" — for error messages that list the valid values.</summary>
    public static string Expected<T>() where T : struct, Enum => "one of " + string.Join(", ", Table<T>.Ordered);

    private static class Table<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered;
        public static readonly FrozenDictionary<T, string> ToCode;
        public static readonly FrozenDictionary<string, T> FromCode;

        static Table()
        {
            var values = Enum.GetValues<T>();
            Ordered = values.Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();
            ToCode = values.Zip(Ordered).ToFrozenDictionary(p => p.First, p => p.Second);
            FromCode = values.Zip(Ordered).ToFrozenDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);
        }
    }
}
