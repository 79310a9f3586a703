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
        writer.WriteStringValue(Codes.Encoded(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Codes.TryParse<T>(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a valid {typeof(T).Name} code; expected {Codes.Expected<T>()}");
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(Codes.Encoded(value));
}

/// <summary>
/// Every vocabulary enum's converter, for options that also hold a general enum converter: converters in the options
/// outrank the converter an enum names, so the web app's options list this one first.
/// </summary>
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
        new CodeConverter<AftercareVerdict>(), new CodeConverter<Knowledge.PositionCondition>(), new CodeConverter<ContactPreference>(),
        new CodeConverter<AppointmentStatus>(), new CodeConverter<MessageKind>(), new CodeConverter<MessageStatus>(),
        new CodeConverter<AdverseEventStatus>(),
    }.ToDictionary(c => c.Type!);

    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Converters[typeToConvert];
}
