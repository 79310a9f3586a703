using System.Text.Json;
using System.Text.Json.Serialization;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Json;

/// <summary>Reads and writes a vocabulary enum as its DESIGN §2 code.</summary>
public sealed class CodeConverter<T> : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Codes.TryParse<T>(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a valid {typeof(T).Name} code; expected {Codes.Expected<T>()}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Codes.Of(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Codes.TryParse<T>(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a valid {typeof(T).Name} code; expected {Codes.Expected<T>()}");
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(Codes.Of(value));
}

/// <summary>Dates as <c>yyyy-MM-dd</c> (DESIGN §3).</summary>
public sealed class DateConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", out var date)
            ? date
            : throw new JsonException("expected a date as yyyy-MM-dd");

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
