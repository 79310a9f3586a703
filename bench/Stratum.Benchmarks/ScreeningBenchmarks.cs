using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;
using Stratum.Core.Screening;

namespace Stratum.Benchmarks;

/// <summary>
/// Issue target: screening an intake with 10 conditions, 3 medications and a device costs at most 2× deserialising
/// that intake with System.Text.Json (the baseline).
/// </summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    public const string IntakeJson = """
        { "setting": "clinic", "date": "2026-11-25", "age": 34, "fitzpatrick": 4, "indication": "acne-scars", "zones": ["cheeks", "forehead", "chin"],
          "conditions": [
            { "code": "herpes-labialis", "status": "history" }, { "code": "rosacea", "status": "controlled" },
            { "code": "eczema", "status": "controlled" }, { "code": "diabetes", "status": "controlled" },
            { "code": "skin-sensitivity", "status": "active" }, { "code": "psoriasis", "status": "history" },
            { "code": "vitiligo", "status": "history" }, { "code": "dermatitis", "status": "history" },
            { "code": "warts", "status": "history" }, { "code": "sunburn", "status": "history" } ],
          "medications": [
            { "code": "isotretinoin", "lastDose": "2026-08-01" }, { "code": "retinol", "lastDose": "2026-11-20" },
            { "code": "antiplatelet" } ],
          "allergies": ["topical-anesthetic"],
          "procedures": [{ "code": "microneedling", "date": "2026-10-20" }],
          "device": { "needleLengthMm": 1.5, "mechanism": "motorized", "sterile": true, "singleUse": true } }
        """;

    private static readonly Intake Parsed = Intake.Parse(IntakeJson, new DateOnly(2026, 11, 25), KnowledgeBase.Default).Value;
    private static readonly Screener Screener = new(KnowledgeBase.Default);

    [Benchmark(Baseline = true, Description = "STJ deserialise intake")]
    public Intake? Deserialize() => JsonSerializer.Deserialize(IntakeJson, StratumJson.Default.Intake);

    [Benchmark(Description = "Screen parsed intake")]
    public ScreeningResult Screen() => Screener.Screen(Parsed);

    [Benchmark(Description = "Parse (strict) + screen")]
    public ScreeningResult ParseAndScreen() => Screener.Screen(Intake.Parse(IntakeJson, new DateOnly(2026, 11, 25), KnowledgeBase.Default).Value);

    private static readonly ScreeningResult Result = Screener.Screen(Parsed);

    /// <summary>Where the rest of a <c>POST /api/screen</c> goes: writing the answer.</summary>
    [Benchmark(Description = "Serialise the result")]
    public byte[] SerializeResult() => JsonSerializer.SerializeToUtf8Bytes(Result, StratumJson.Default.ScreeningResult);
}
