using System.Text.Json;
using System.Text.Json.Serialization;
using Stratum.Core.Json;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

// Strict on purpose: a misspelt field in a clinic's override must fail loudly, not be ignored.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    Converters =
    [
        typeof(CodeConverter<Setting>), typeof(CodeConverter<Zone>), typeof(CodeConverter<Indication>),
        typeof(CodeConverter<Condition>), typeof(CodeConverter<ConditionStatus>), typeof(CodeConverter<Medication>),
        typeof(CodeConverter<Allergy>), typeof(CodeConverter<Procedure>), typeof(CodeConverter<Verdict>),
        typeof(CodeConverter<Urgency>), typeof(CodeConverter<Symptom>), typeof(CodeConverter<Trend>),
        typeof(CodeConverter<Severity>), typeof(CodeConverter<Mechanism>), typeof(CodeConverter<DeviceVerdict>),
        typeof(CodeConverter<DeviceProperty>), typeof(CodeConverter<SourceStatus>),
    ])]
[JsonSerializable(typeof(SourceFile))]
[JsonSerializable(typeof(ScreeningFile))]
[JsonSerializable(typeof(PlanningFile))]
[JsonSerializable(typeof(TriageFile))]
[JsonSerializable(typeof(OutcomesFile))]
[JsonSerializable(typeof(DeviceFile))]
internal sealed partial class KnowledgeJson : JsonSerializerContext;
