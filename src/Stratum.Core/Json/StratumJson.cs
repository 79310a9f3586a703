using System.Text.Json;
using System.Text.Json.Serialization;
using Stratum.Core.Aftercare;
using Stratum.Core.Devices;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Outcomes;
using Stratum.Core.Planning;
using Stratum.Core.Scheduling;
using Stratum.Core.Screening;
using Stratum.Core.Triage;

namespace Stratum.Core.Json;

/// <summary>
/// The JSON of every result (DESIGN §3): camelCase, dates yyyy-MM-dd (the built-in ISO 8601 date), vocabulary as
/// kebab-case codes (each vocabulary enum names its converter). No converters in the options: they would cost every
/// type its generated fast path.
/// The CLI and the API both write through it, so their output is the same.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = false)]
[JsonSerializable(typeof(ScreeningResult))]
[JsonSerializable(typeof(Intake))]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(Schedule))]
[JsonSerializable(typeof(TriageRequest))]
[JsonSerializable(typeof(TriageResult))]
[JsonSerializable(typeof(ScoreResult))]
[JsonSerializable(typeof(DeviceRequest))]
[JsonSerializable(typeof(DeviceAssessment))]
[JsonSerializable(typeof(AftercareResult))]
[JsonSerializable(typeof(RoutineResult))]
[JsonSerializable(typeof(BatchError))]
[JsonSerializable(typeof(RulesResult))]

[JsonSerializable(typeof(SourcesResult))]
[JsonSerializable(typeof(InputError))]
[JsonSerializable(typeof(IReadOnlyList<InputError>))]
public sealed partial class StratumJson : JsonSerializerContext;
