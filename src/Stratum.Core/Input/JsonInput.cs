using System.Globalization;
using System.Text;
using System.Text.Json;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Input;

/// <summary>
/// Reads user JSON strictly: every field is checked for type, range and vocabulary, unknown fields are errors,
/// and each problem names its JSON path. Shared by the CLI and the API so both give the same answer.
/// </summary>
public static class JsonInput
{
    /// <summary>Largest accepted JSON document, in characters; screening input is a few hundred.</summary>
    public const int MaxLength = 1 << 20;

    private const int MaxDepth = 16;

    public static InputResult<T> Parse<T>(string? text, Func<ObjectReader, T?> read) where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return InputResult<T>.Invalid([new InputError("$", "the input is empty; expected a JSON object")]);
        }

        if (text.Length > MaxLength)
        {
            return InputResult<T>.Invalid([new InputError("$", $"the input is too large ({text.Length:N0} characters; at most {MaxLength:N0})")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return InputResult<T>.Invalid([new InputError("$", Describe(e))]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return InputResult<T>.Invalid([new InputError("$", $"expected a JSON object, found {Kind(document.RootElement)}")]);
            }

            var errors = new List<InputError>();
            var reader = new ObjectReader(document.RootElement, "$", errors);
            var value = read(reader);
            reader.RejectUnknownFields();
            return errors.Count == 0 && value is not null ? InputResult<T>.Valid(value) : InputResult<T>.Invalid(errors);
        }
    }

    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? $"the input is nested too deeply (at most {MaxDepth} levels)"
            : e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
                ? "a field appears twice" + where
                : "not valid JSON" + where;
    }

    internal static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>Reads the fields of one JSON object; remembers which were read so the rest can be reported.</summary>
public sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly List<InputError> _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    internal ObjectReader(JsonElement element, string path, List<InputError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    public bool HasErrors => _errors.Count > 0;

    public void Error(string field, string message) => _errors.Add(new InputError(FieldPath(field), message));

    public bool Has(string field)
    {
        _known.Add(field);
        return _element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;
    }

    public T? Code<T>(string field, bool required = false) where T : struct, Enum =>
        Get(field, required, (e, path) => ReadCode<T>(e, path));

    public int? Integer(string field, int min, int max, bool required = false) =>
        Get(field, required, (e, path) =>
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var n))
            {
                return Fail<int?>(path, e.ValueKind == JsonValueKind.Number ? $"expected a whole number from {min} to {max}" : $"expected a whole number, found {JsonInput.Kind(e)}");
            }

            return n < min || n > max ? Fail<int?>(path, $"{n} is out of range; expected {min} to {max}") : n;
        });

    public decimal? Number(string field, decimal min, decimal max, bool required = false, bool minExclusive = false) =>
        Get(field, required, (e, path) =>
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var n))
            {
                return Fail<decimal?>(path, $"expected a number, found {JsonInput.Kind(e)}");
            }

            var tooLow = minExclusive ? n <= min : n < min;
            return tooLow || n > max
                ? Fail<decimal?>(path, $"{n.ToString(CultureInfo.InvariantCulture)} is out of range; expected {(minExclusive ? "more than " : "")}{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}")
                : n;
        });

    public bool? Boolean(string field, bool required = false) =>
        Get<bool?>(field, required, (e, path) => e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Fail<bool?>(path, $"expected true or false, found {JsonInput.Kind(e)}"),
        });

    public DateOnly? Date(string field, bool required = false) =>
        Get(field, required, ReadDate);

    public string? Text(string field, int maxLength, bool required = false) =>
        Get(field, required, (e, path) =>
        {
            if (e.ValueKind != JsonValueKind.String)
            {
                return Fail<string?>(path, $"expected a string, found {JsonInput.Kind(e)}");
            }

            var s = e.GetString()!;
            return s.Length > maxLength ? Fail<string?>(path, $"is too long ({s.Length} characters; at most {maxLength})")
                : s.Contains('\0') ? Fail<string?>(path, "contains a NUL character")
                : s;
        });

    /// <summary>A local clock time, <c>yyyy-MM-ddTHH:mm</c> with optional seconds, no offset (the time on the person's clock).</summary>
    public DateTime? DateTime(string field, bool required = false) =>
        Get<DateTime?>(field, required, (e, path) =>
            e.ValueKind == JsonValueKind.String && LocalTime.TryParse(e.GetString(), out var time)
                ? time
                : Fail<DateTime?>(path, e.ValueKind == JsonValueKind.String
                    ? $"'{Printable(e.GetString())}' is not a time; expected {LocalTime.Format}"
                    : $"expected a time as {LocalTime.Format}, found {JsonInput.Kind(e)}"));

    /// <summary>A list of strings, each non-empty and at most <paramref name="maxLength"/> characters.</summary>
    public IReadOnlyList<string> Texts(string field, int maxLength, int maxItems = 64) =>
        List(field, maxItems, (JsonElement e, string path, out string value) =>
        {
            value = e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
            var problem = e.ValueKind != JsonValueKind.String ? $"expected a string, found {JsonInput.Kind(e)}"
                : string.IsNullOrWhiteSpace(value) ? "is empty"
                : value.Length > maxLength ? $"is too long ({value.Length} characters; at most {maxLength})"
                : value.Any(char.IsControl) ? "contains control characters"
                : null;
            if (problem is not null)
            {
                _errors.Add(new InputError(path, problem));
            }

            return problem is null;
        });

    public ObjectReader? Object(string field, bool required = false) =>
        Get(field, required, (e, path) => e.ValueKind == JsonValueKind.Object
            ? new ObjectReader(e, path, _errors)
            : Fail<ObjectReader?>(path, $"expected an object, found {JsonInput.Kind(e)}"));

    /// <summary>A list of codes; duplicates are an error because each code stands for one fact.</summary>
    public IReadOnlyList<T> CodeList<T>(string field, int maxItems = 64) where T : struct, Enum
    {
        var items = List(field, maxItems, (JsonElement e, string path, out T value) =>
        {
            var code = ReadCode<T>(e, path);
            value = code.GetValueOrDefault();
            return code.HasValue;
        });
        var seen = new HashSet<T>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(items[i]))
            {
                _errors.Add(new InputError($"{FieldPath(field)}[{i}]", $"'{Vocabulary.Codes.Of(items[i])}' is listed twice"));
            }
        }

        return items;
    }

    public IReadOnlyList<DateOnly> Dates(string field, int maxItems = 256) =>
        List(field, maxItems, (JsonElement e, string path, out DateOnly value) =>
        {
            var date = ReadDate(e, path);
            value = date.GetValueOrDefault();
            return date.HasValue;
        });

    /// <summary>A list of objects, each read by <paramref name="read"/>; unknown fields of each are reported.</summary>
    public IReadOnlyList<T> Objects<T>(string field, Func<ObjectReader, T?> read, int maxItems = 64) where T : class =>
        List(field, maxItems, (JsonElement e, string path, out T value) =>
        {
            value = null!;
            if (e.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new InputError(path, $"expected an object, found {JsonInput.Kind(e)}"));
                return false;
            }

            var reader = new ObjectReader(e, path, _errors);
            var before = _errors.Count;
            var item = read(reader);
            reader.RejectUnknownFields();
            value = item!;
            return _errors.Count == before && item is not null;
        });

    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                _errors.Add(new InputError(FieldPath(property.Name),
                    _known.Count == 0 ? "unknown field" : $"unknown field; expected {string.Join(", ", _known.Order(StringComparer.Ordinal))}"));
            }
        }
    }

    private string FieldPath(string field) => $"{Path}.{field}";

    private T? Get<T>(string field, bool required, Func<JsonElement, string, T?> read)
    {
        _known.Add(field);
        if (!_element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Fail<T?>(FieldPath(field), "is required") : default;
        }

        return read(value, FieldPath(field));
    }

    private delegate bool TryRead<T>(JsonElement element, string path, out T value);

    private List<T> List<T>(string field, int maxItems, TryRead<T> read)
    {
        _known.Add(field);
        var result = new List<T>();
        if (!_element.TryGetProperty(field, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new InputError(FieldPath(field), $"expected a list, found {JsonInput.Kind(array)}"));
            return result;
        }

        if (array.GetArrayLength() > maxItems)
        {
            _errors.Add(new InputError(FieldPath(field), $"has {array.GetArrayLength()} items; at most {maxItems}"));
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (read(item, $"{FieldPath(field)}[{index++}]", out var value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private T? ReadCode<T>(JsonElement e, string path) where T : struct, Enum
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            _errors.Add(new InputError(path, $"expected a {Label<T>()} code, found {JsonInput.Kind(e)}; {Vocabulary.Codes.Expected<T>()}"));
            return null;
        }

        var text = e.GetString();
        if (Vocabulary.Codes.TryParse<T>(text, out var value))
        {
            return value;
        }

        _errors.Add(new InputError(path, $"unknown {Label<T>()} '{Printable(text)}'; expected {Vocabulary.Codes.Expected<T>()}"));
        return null;
    }

    private DateOnly? ReadDate(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _errors.Add(new InputError(path, e.ValueKind == JsonValueKind.String
            ? $"'{Printable(e.GetString())}' is not a date; expected yyyy-MM-dd"
            : $"expected a date as yyyy-MM-dd, found {JsonInput.Kind(e)}"));
        return null;
    }

    private T? Fail<T>(string path, string message)
    {
        _errors.Add(new InputError(path, message));
        return default;
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

/// <summary>Clock times as people give them: <c>2026-11-25T14:00</c> or <c>2026-11-25 14:00</c>, seconds optional, no time zone.</summary>
public static class LocalTime
{
    public const string Format = "yyyy-MM-ddTHH:mm";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryParse(string? text, out DateTime time) =>
        System.DateTime.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
