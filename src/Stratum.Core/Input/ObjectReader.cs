using System.Globalization;
using System.Text.Json;

namespace Stratum.Core.Input;

/// <summary>
/// Reads the fields of one JSON object; remembers which were read so that the rest, and any name given twice, can be
/// reported. A nested object is read whole by <see cref="Object{T}"/> or <see cref="Objects{T}"/> before its parent reads on.
/// </summary>
public sealed partial class ObjectReader
{
    private readonly List<InputError> _errors;
    private JsonElement _element;
    private Location _location;
    private string? _path;

    // The names this object was asked for are at _known[_first..]. One list serves a whole document: a nested object
    // is read whole in between two fields of its parent, and takes its names off again when it is done.
    private readonly List<string> _known;
    private int _first;

    // How many of the known names the object has: when that is all it has, it has no other field and none twice.
    private int _present;

    // The reader of every object nested in this one: they are read one after the other, each whole, so one will do.
    private ObjectReader? _nested;

    internal ObjectReader(JsonElement element, string path, List<InputError> errors)
    {
        _element = element;
        _path = path;
        _errors = errors;
        _known = new List<string>(capacity: 16);
    }

    private ObjectReader(List<InputError> errors, List<string> known)
    {
        _errors = errors;
        _known = known;
    }

    /// <summary>The reader for a nested object, set to read <paramref name="element"/> at <paramref name="location"/>.</summary>
    private ObjectReader Nested(JsonElement element, Location location)
    {
        var nested = _nested ??= new ObjectReader(_errors, _known);
        nested._element = element;
        nested._location = location;
        nested._path = null;
        nested._first = _known.Count;
        nested._present = 0;
        return nested;
    }

    /// <summary>Where this object is, e.g. <c>$.conditions[2]</c>; written out only when asked (an error names it).</summary>
    public string Path => _path ??= _location.ToString();

    public bool HasErrors => _errors.Count > 0;

    public void Error(string field, string message) => _errors.Add(new InputError(At(field).ToString(), message));

    public bool Has(string field) => TryGet(field, out _);

    /// <summary>Whether the field is in the object at all, <c>null</c> included: "set it to nothing" as against "leave it".</summary>
    public bool Given(string field) => TryGet(field, out _) || _element.TryGetProperty(field, out _);

    public T? Code<T>(string field, bool required = false) where T : struct, Enum =>
        Present(field, required, out var e) ? ReadCode<T>(e, At(field)) : null;

    public int? Integer(string field, int min, int max, bool required = false)
    {
        if (!Present(field, required, out var e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var n))
        {
            return Fail<int?>(At(field), e.ValueKind == JsonValueKind.Number ? $"expected a whole number from {min} to {max}" : $"expected a whole number, found {JsonInput.Kind(e)}");
        }

        return n < min || n > max ? Fail<int?>(At(field), $"{n} is out of range; expected {min} to {max}") : n;
    }

    public decimal? Number(string field, decimal min, decimal max, bool required = false, bool minExclusive = false)
    {
        if (!Present(field, required, out var e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var n))
        {
            return Fail<decimal?>(At(field), $"expected a number, found {JsonInput.Kind(e)}");
        }

        var tooLow = minExclusive ? n <= min : n < min;
        return tooLow || n > max
            ? Fail<decimal?>(At(field), $"{n.ToString(CultureInfo.InvariantCulture)} is out of range; expected {(minExclusive ? "more than " : "")}{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}")
            : n;
    }

    public bool? Boolean(string field, bool required = false) =>
        !Present(field, required, out var e) ? null : e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Fail<bool?>(At(field), $"expected true or false, found {JsonInput.Kind(e)}"),
        };

    public DateOnly? Date(string field, bool required = false) =>
        Present(field, required, out var e) ? ReadDate(e, At(field)) : null;

    public string? Text(string field, int maxLength, bool required = false)
    {
        if (!Present(field, required, out var e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            return Fail<string?>(At(field), $"expected a string, found {JsonInput.Kind(e)}");
        }

        var s = e.GetString()!;
        return s.Length > maxLength ? Fail<string?>(At(field), $"is too long ({s.Length} characters; at most {maxLength})")
            : s.Contains('\0') ? Fail<string?>(At(field), "contains a NUL character")
            : s;
    }

    /// <summary>An id given as text (a GUID); <paramref name="expected"/> says what it should be, e.g. "a consent id".</summary>
    public Guid? Id(string field, string expected, bool required = false) =>
        Present(field, required, out var e) ? ReadId(e, At(field), expected) : null;

    /// <summary>A list of ids given as text (GUIDs), each named by its index when it is not one.</summary>
    public IReadOnlyList<Guid> Ids(string field, string expected, int maxItems = 64) =>
        List(field, maxItems, expected, static (ObjectReader reader, string expected, JsonElement e, Location path, out Guid value) =>
        {
            var id = reader.ReadId(e, path, expected);
            value = id.GetValueOrDefault();
            return id.HasValue;
        });

    /// <summary>
    /// <c>overrideReason</c>: why a refusal is overridden. Absent is null (nothing overridden); given, it must say
    /// something, since an override is recorded and audited with its reason.
    /// </summary>
    public string? OverrideReason(int maxLength)
    {
        var reason = Text("overrideReason", maxLength);
        if (reason is not null && string.IsNullOrWhiteSpace(reason))
        {
            Error("overrideReason", "an override needs a written reason");
            return null;
        }

        return reason;
    }

    /// <summary>A moment in time as ISO 8601 with its offset (<c>2026-12-08T14:30:00+01:00</c> or <c>…Z</c>); a time without an offset is refused, since it names no moment.</summary>
    public DateTimeOffset? Instant(string field, bool required = false) =>
        !Present(field, required, out var e) ? null
        : e.ValueKind == JsonValueKind.String && Instants.TryParse(e.GetString(), out var moment) ? moment
        : Fail<DateTimeOffset?>(At(field), e.ValueKind == JsonValueKind.String
            ? $"'{Printable(e.GetString())}' is not a time with an offset; expected {Instants.Format}"
            : $"expected a time as {Instants.Format}, found {JsonInput.Kind(e)}");

    /// <summary>A local clock time, <c>yyyy-MM-ddTHH:mm</c> with optional seconds, no offset (the time on the person's clock).</summary>
    public DateTime? DateTime(string field, bool required = false) =>
        !Present(field, required, out var e) ? null
        : e.ValueKind == JsonValueKind.String && LocalTime.TryParse(e.GetString(), out var time) ? time
        : Fail<DateTime?>(At(field), e.ValueKind == JsonValueKind.String
            ? $"'{Printable(e.GetString())}' is not a time; expected {LocalTime.Format}"
            : $"expected a time as {LocalTime.Format}, found {JsonInput.Kind(e)}");

    /// <summary>A list of strings, each non-empty and at most <paramref name="maxLength"/> characters.</summary>
    public IReadOnlyList<string> Texts(string field, int maxLength, int maxItems = 64) =>
        List(field, maxItems, maxLength, static (ObjectReader reader, int maxLength, JsonElement e, Location path, out string value) =>
        {
            value = e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
            var problem = e.ValueKind != JsonValueKind.String ? $"expected a string, found {JsonInput.Kind(e)}"
                : string.IsNullOrWhiteSpace(value) ? "is empty"
                : value.Length > maxLength ? $"is too long ({value.Length} characters; at most {maxLength})"
                : value.Any(char.IsControl) ? "contains control characters"
                : null;
            if (problem is not null)
            {
                reader._errors.Add(new InputError(path.ToString(), problem));
            }

            return problem is null;
        });

    /// <summary>A nested object read by <paramref name="read"/>; its unknown fields are reported.</summary>
    public T? Object<T>(string field, Func<ObjectReader, T?> read, bool required = false) where T : class =>
        !Present(field, required, out var e) ? null
        : e.ValueKind == JsonValueKind.Object ? Nested(e, At(field)).Read(read)
        : Fail<T?>(At(field), $"expected an object, found {JsonInput.Kind(e)}");

    /// <summary>A list of codes; duplicates are an error because each code stands for one fact.</summary>
    public IReadOnlyList<T> CodeList<T>(string field, int maxItems = 64) where T : struct, Enum
    {
        var items = List(field, maxItems, 0, static (ObjectReader reader, int _, JsonElement e, Location path, out T value) =>
        {
            var code = reader.ReadCode<T>(e, path);
            value = code.GetValueOrDefault();
            return code.HasValue;
        });
        for (var i = 1; i < items.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (EqualityComparer<T>.Default.Equals(items[j], items[i]))
                {
                    _errors.Add(new InputError(At(field, i).ToString(), $"'{Vocabulary.Codes.Of(items[i])}' is listed twice"));
                    break;
                }
            }
        }

        return items;
    }

    public IReadOnlyList<DateOnly> Dates(string field, int maxItems = 256) =>
        List(field, maxItems, 0, static (ObjectReader reader, int _, JsonElement e, Location path, out DateOnly value) =>
        {
            var date = reader.ReadDate(e, path);
            value = date.GetValueOrDefault();
            return date.HasValue;
        });

    /// <summary>A list of objects, each read by <paramref name="read"/>; unknown fields of each are reported.</summary>
    public IReadOnlyList<T> Objects<T>(string field, Func<ObjectReader, T?> read, int maxItems = 64) where T : class =>
        List(field, maxItems, read, static (ObjectReader reader, Func<ObjectReader, T?> read, JsonElement e, Location path, out T value) =>
        {
            value = null!;
            if (e.ValueKind != JsonValueKind.Object)
            {
                reader._errors.Add(new InputError(path.ToString(), $"expected an object, found {JsonInput.Kind(e)}"));
                return false;
            }

            var before = reader._errors.Count;
            var item = reader.Nested(e, path).Read(read);
            value = item!;
            return reader._errors.Count == before && item is not null;
        });

    /// <summary>Reads this object with <paramref name="read"/>, then reports its unknown fields and names given twice.</summary>
    internal T? Read<T>(Func<ObjectReader, T?> read)
    {
        var value = read(this);
        if (_element.GetPropertyCount() != _present)
        {
            RejectUnknownFields();
        }

        _known.RemoveRange(_first, _known.Count - _first);
        return value;
    }

    private void RejectUnknownFields()
    {
        var known = _known.GetRange(_first, _known.Count - _first);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            var name = property.Name;
            if (!seen.Add(name))
            {
                _errors.Add(new InputError(At(name).ToString(), "appears more than once"));
            }
            else if (!known.Contains(name))
            {
                _errors.Add(new InputError(At(name).ToString(),
                    known.Count == 0 ? "unknown field" : $"unknown field; expected {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
            }
        }
    }

    private Location At(string field, int index = -1) => new(this, field, index);

    /// <summary>The field's value unless it is absent or null; the field becomes known either way.</summary>
    private bool TryGet(string field, out JsonElement value)
    {
        var found = _element.TryGetProperty(field, out value);
        if (_known.IndexOf(field, _first) < 0)
        {
            _known.Add(field);
            _present += found ? 1 : 0;
        }

        return found && value.ValueKind != JsonValueKind.Null;
    }

    /// <summary>As <see cref="TryGet"/>; a required field that is absent or null is reported.</summary>
    private bool Present(string field, bool required, out JsonElement value)
    {
        if (TryGet(field, out value))
        {
            return true;
        }

        if (required)
        {
            _errors.Add(new InputError(At(field).ToString(), "is required"));
        }

        return false;
    }
}
