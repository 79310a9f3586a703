using System.Text.Json;
using System.Text.Json.Serialization;
using Stratum.Core.Json;

namespace Stratum.Core.Knowledge;

// Strict on purpose: a misspelt field in a clinic's override must fail loudly, not be ignored.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SourceFile))]
[JsonSerializable(typeof(ScreeningFile))]
[JsonSerializable(typeof(PlanningFile))]
[JsonSerializable(typeof(TriageFile))]
[JsonSerializable(typeof(OutcomesFile))]
[JsonSerializable(typeof(DeviceFile))]
[JsonSerializable(typeof(IngredientsFile))]
[JsonSerializable(typeof(VocabularyFile))]
[JsonSerializable(typeof(RecordsFile))]
internal sealed partial class KnowledgeJson : JsonSerializerContext;
