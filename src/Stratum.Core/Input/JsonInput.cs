using System.Text;
using System.Text.Json;

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

    public static InputResult<T> Parse<T>(JsonText text, Func<ObjectReader, T?> read) where T : class
    {
        if (text.IsBlank)
        {
            return InputResult<T>.Invalid([new InputError("$", "the input is empty; expected a JSON object")]);
        }

        if (text.IsLongerThan(MaxLength, out var length))
        {
            return InputResult<T>.Invalid([new InputError("$", $"the input is too large ({length:N0} characters; at most {MaxLength:N0})")]);
        }

        JsonDocument document;
        try
        {
            // Duplicate names are found by the readers (ObjectReader.RejectUnknownFields), which name the field's path.
            document = text.Parse(new JsonDocumentOptions { MaxDepth = MaxDepth });
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
            var value = new ObjectReader(document.RootElement, "$", errors).Read(read);
            return errors.Count == 0 && value is not null ? InputResult<T>.Valid(value) : InputResult<T>.Invalid(errors);
        }
    }

    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? $"the input is nested too deeply (at most {MaxDepth} levels)"
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
