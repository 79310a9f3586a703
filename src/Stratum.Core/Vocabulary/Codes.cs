using System.Runtime.CompilerServices;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stratum.Core.Vocabulary;

/// <summary>
/// The kebab-case codes of DESIGN §2 for every vocabulary enum: <c>HerpesLabialis</c> ⇄ <c>herpes-labialis</c>.
/// The single place where C# names meet the codes used by the CLI, the API and storage.
/// </summary>
/// <remarks>
/// Lookups are stored by the enum's int value in non-generic collections: a generic collection per enum type
/// would be compiled anew for each of the seventeen vocabularies and cost the CLI most of its start-up.
/// Every vocabulary enum is numbered 0, 1, 2… in declaration order.
/// </remarks>
public static class Codes
{
    public static string Of<T>(T value) where T : struct, Enum => Table<T>.Names[Number(value)];

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        if (code is not null && Table<T>.Values.TryGetValue(code, out var number))
        {
            value = Unsafe.As<int, T>(ref number);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>As <see cref="TryParse{T}(string?, out T)"/>, for a code as the UTF-8 bytes it was sent in (no string is made).</summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> code, out T value) where T : struct, Enum
    {
        // Only the codes of the same length are compared: one or two in most vocabularies.
        var byLength = Table<T>.ByLength;
        if (code.Length < byLength.Length)
        {
            foreach (var i in byLength[code.Length])
            {
                if (code.SequenceEqual(Table<T>.Utf8[i]))
                {
                    var number = i;
                    value = Unsafe.As<int, T>(ref number);
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The code ready to be written as JSON: ASCII that needs no escaping, encoded once.</summary>
    public static JsonEncodedText Encoded<T>(T value) where T : struct, Enum => Table<T>.Encoded[Number(value)];

    /// <summary>The code's place in its vocabulary, which is the enum's value.</summary>
    internal static int Number<T>(T value) where T : struct, Enum => Unsafe.As<T, int>(ref value);

    /// <summary>Every code of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Table<T>.Names;

    /// <summary>"one of a, b, c" — for error messages that list the valid values.</summary>
    public static string Expected<T>() where T : struct, Enum => Table<T>.Expected;

    // Table<T>'s helpers live outside it: code in a generic type over an enum is compiled anew for each vocabulary.
    private static int[][] GroupByLength(byte[][] codes)
    {
        var byLength = new int[codes.Max(code => code.Length) + 1][];
        for (var length = 0; length < byLength.Length; length++)
        {
            byLength[length] = Enumerable.Range(0, codes.Length).Where(i => codes[i].Length == length).ToArray();
        }

        return byLength;
    }

    private static JsonEncodedText EncodeCode(string code) => JsonEncodedText.Encode(code);

    // A code the kebab-case rule cannot spell ("aftercare-24h") is given on the member.
    private static string CodeOf<T>(string name) where T : struct, Enum =>
        typeof(T).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private static class Table<T> where T : struct, Enum
    {
        public static readonly string[] Names = Enum.GetNames<T>().Select(CodeOf<T>).ToArray();
        public static readonly byte[][] Utf8 = Names.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        public static readonly int[][] ByLength = GroupByLength(Utf8);
        public static readonly JsonEncodedText[] Encoded = Array.ConvertAll(Names, EncodeCode);
        public static readonly Dictionary<string, int> Values = Names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        public static readonly string Expected = "one of " + string.Join(", ", Names);
    }
}
