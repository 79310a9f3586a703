using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Devices;

public sealed record DeviceFinding(string Rule, DeviceVerdict Verdict, string Message, IReadOnlyList<string> Sources, SourceStatus Evidence, string? Advice = null);

/// <summary>Device suitability (DESIGN §3 <c>stratum device</c>): the worst finding wins.</summary>
public sealed record DeviceAssessment(DeviceVerdict Verdict, IReadOnlyList<DeviceFinding> Findings, string KnowledgeVersion);

public sealed record DeviceRequest(Setting Setting, DeviceSpec Device)
{
    public static InputResult<DeviceRequest> Parse(JsonText json) => JsonInput.Parse(json, o =>
    {
        var setting = o.Code<Setting>("setting", required: true);
        var device = DeviceSpec.Read(o);
        return setting is { } s && device is not null ? new DeviceRequest(s, device) : null;
    });
}

/// <summary>Checks a device against knowledge/devices.json: needle length for the setting, mechanism, sterility, single use, clearance.</summary>
public sealed class DeviceAssessor(KnowledgeBase knowledge)
{
    private readonly TriggerEvaluator _triggers = new(knowledge);

    public DeviceAssessment Assess(DeviceRequest request)
    {
        var intake = new Intake(request.Setting, DateOnly.MinValue, Device: request.Device);
        var findings = _triggers.Fired(knowledge.DeviceRules, intake)
            .Select(f => new DeviceFinding(f.Rule.Code, f.Verdict, f.Rule.Message, f.Rule.Sources, knowledge.EvidenceOf(f.Rule.Sources), f.Rule.AdviceIn(request.Setting)))
            .ToList();
        var verdict = findings.Count == 0 ? DeviceVerdict.Suitable : findings.Max(f => f.Verdict);
        return new DeviceAssessment(verdict, findings, knowledge.Version);
    }
}
