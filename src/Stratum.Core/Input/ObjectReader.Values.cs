using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Stratum.Core.Input;

/// <summary>
/// How one JSON value is read and named in an error: a list's items, a code, an id or a date (straight from the
/// UTF-8 as sent when it has no escapes), and user text echoed back safely.
/// </summary>
public sealed partial class ObjectReader
{
    // Static readers with their state passed in: a lambda that captured the reader would be allocated on every call.
    private delegate bool TryRead<TState, T>(ObjectReader reader, TState state, JsonElement element, Location path, out T value);

    private IReadOnlyList<T> List<TState, T>(string field, int maxItems, TState state, TryRead<TState, T> read)
    {
        if (!TryGet(field, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new InputError(At(field).ToString(), $"expected a list, found {JsonInput.Kind(array)}"));
            return [];
        }

        var length = array.GetArrayLength();
        if (length > maxItems)
        {
            _errors.Add(new InputError(At(field).ToString(), $"has {length} items; at most {maxItems}"));
            return [];
        }

        var result = new List<T>(length);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (read(this, state, item, At(field, index++), out var value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private T? ReadCode<T>(JsonElement e, Location path) where T : struct, Enum
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            _errors.Add(new InputError(path.ToString(), $"expected a {Label<T>()} code, found {JsonInput.Kind(e)}; {Vocabulary.Codes.Expected<T>()}"));
            return null;
        }

        if (Unescaped(e, out var utf8) ? Vocabulary.Codes.TryParse<T>(utf8, out var value) : Vocabulary.Codes.TryParse(e.GetString(), out value))
        {
            return value;
        }

        _errors.Add(new InputError(path.ToString(), $"unknown {Label<T>()} '{Printable(e.GetString())}'; expected {Vocabulary.Codes.Expected<T>()}"));
        return null;
    }

    private Guid? ReadId(JsonElement e, Location path, string expected) =>
        e.ValueKind == JsonValueKind.String && Guid.TryParse(e.GetString(), out var id) ? id : Fail<Guid?>(path, $"expected {expected}");

    private DateOnly? ReadDate(JsonElement e, Location path)
    {
        if (e.ValueKind == JsonValueKind.String && (Unescaped(e, out var utf8)
                ? TryParseDate(utf8, out var date)
                : DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)))
        {
            return date;
        }

        _errors.Add(new InputError(path.ToString(), e.ValueKind == JsonValueKind.String
            ? $"'{Printable(e.GetString())}' is not a date; expected yyyy-MM-dd"
            : $"expected a date as yyyy-MM-dd, found {JsonInput.Kind(e)}"));
        return null;
    }

    /// <summary>A string's UTF-8 as sent, unless it has escapes; read this way, a code or a date makes no string.</summary>
    private static bool Unescaped(JsonElement e, out ReadOnlySpan<byte> utf8)
    {
        var raw = JsonMarshal.GetRawUtf8Value(e);
        utf8 = raw.Length >= 2 ? raw[1..^1] : default;
        return raw.Length >= 2 && !utf8.Contains((byte)'\\');
    }

    /// <summary>Exactly <c>yyyy-MM-dd</c>, a day that exists: what <c>DateOnly.TryParseExact</c> accepts with that format.</summary>
    private static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }

        var (year, month, day) = (Digits(text[..4]), Digits(text[5..7]), Digits(text[8..]));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > System.DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;

        static int Digits(ReadOnlySpan<byte> digits)
        {
            var number = 0;
            foreach (var b in digits)
            {
                if (!char.IsAsciiDigit((char)b))
                {
                    return -1;
                }

                number = (number * 10) + (b - '0');
            }

            return number;
        }
    }

    private T? Fail<T>(Location path, string message)
    {
        _errors.Add(new InputError(path.ToString(), message));
        return default;
    }

    /// <summary>Where a value is, as a JSON path ("$.conditions[2].code"); built only when an error names it.</summary>
    private readonly struct Location(ObjectReader owner, string field, int index)
    {
        public override string ToString() => index < 0 ? $"{owner.Path}.{field}" : $"{owner.Path}.{field}[{index}]";
    }

    private static string Label<T>() => JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(T).Name).Replace('-', ' ');

    /// <summary>Echoes user text safely: control characters escaped, length bounded.</summary>
    public static string Printable(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var c in text.Length > 40 ? text[..40] : text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        }

        return text.Length > 40 ? builder.Append('…').ToString() : builder.ToString();
    }
}
