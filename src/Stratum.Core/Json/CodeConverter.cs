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

/// <summary>One converter for every vocabulary enum, so each JSON context registers the vocabulary once.</summary>
public sealed class VocabularyConverter : JsonConverterFactory
{
    // Listed rather than built with MakeGenericType, which native AOT cannot do for value types.
    private static readonly Dictionary<Type, JsonConverter> Converters = new JsonConverter[]
    {
        new CodeConverter<Setting>(), new CodeConverter<Zone>(), new CodeConverter<Indication>(),
        new CodeConverter<Condition>(), new CodeConverter<ConditionStatus>(), new CodeConverter<Medication>(),
        new CodeConverter<Allergy>(), new CodeConverter<Procedure>(), new CodeConverter<Verdict>(),
        new CodeConverter<Urgency>(), new CodeConverter<Symptom>(), new CodeConverter<Trend>(),
        new CodeConverter<Severity>(), new CodeConverter<Mechanism>(), new CodeConverter<DeviceVerdict>(),
        new CodeConverter<DeviceProperty>(), new CodeConverter<SourceStatus>(), new CodeConverter<IngredientClass>(),
        new CodeConverter<AftercareVerdict>(), new CodeConverter<Knowledge.PositionCondition>(),
    }.ToDictionary(c => c.Type!);

    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Converters[typeToConvert];
}
