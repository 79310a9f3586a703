using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Planning;

/// <summary>Needle depth (mm) and passes for one zone; always inside the safety envelope.</summary>
public sealed record ZonePlan(Zone Zone, MmRange DepthMm, CountRange Passes);

/// <summary>Something the clinician must know about the plan; <c>zone</c> is null when it concerns the whole plan.</summary>
public sealed record PlanWarning(string Code, Zone? Zone, string Message, IReadOnlyList<string> Sources);

/// <summary>A treatment plan (DESIGN §3 <c>stratum plan</c>).</summary>
/// <param name="IntervalDays">Days between sessions; at home only a minimum (max null).</param>
/// <param name="Sessions">Sessions in the course; max null for open-ended maintenance.</param>
public sealed record Plan(
    IReadOnlyList<ZonePlan> Zones,
    CountRange IntervalDays,
    CountRange Sessions,
    IReadOnlyList<PlanWarning> Warnings,
    string DepthNote,
    IReadOnlyList<string> Sources,
    string KnowledgeVersion);

/// <summary>Plans depth, passes, interval and course per zone (clinical-rules.md §2–§4).</summary>
public sealed class Planner(KnowledgeBase knowledge)
{
    /// <summary>Warning codes the planner itself emits; each needs a message in planning.json.</summary>
    internal static readonly IReadOnlyList<string> WarningCodes =
        ["PL-HOME-ZONE", "PL-HOME-DEPTH", "PL-DEVICE-CAP", "PL-PHOTOTYPE-CAP", "PL-ZONE-CAP", "PL-MAX-DEPTH", "PL-HOME-CAP", "PL-HOME-DEVICE", "PL-NO-DEPTH"];

    private readonly Screener _screener = new(knowledge);

    /// <summary>Reads a plan request: the screening intake's fields, with indication and zones required.</summary>
    public static InputResult<Intake> ParseRequest(JsonText json, DateOnly today, KnowledgeBase knowledge)
    {
        var intake = Intake.Parse(json, today, knowledge);
        if (!intake.TryGetValue(out var value))
        {
            return intake;
        }

        var errors = new List<InputError>();
        if (value.Indication is null)
        {
            errors.Add(new InputError("$.indication", $"is required; expected {Codes.Expected<Indication>()}"));
        }

        if (value.Zones.Count == 0)
        {
            errors.Add(new InputError("$.zones", $"needs at least one zone; expected {Codes.Expected<Zone>()}"));
        }

        return errors.Count == 0 ? intake : InputResult<Intake>.Invalid(errors);
    }

    public Plan Plan(Intake request)
    {
        var planning = knowledge.Planning;
        var indication = request.Indication ?? throw new ArgumentException("A plan needs an indication.", nameof(request));
        var group = planning.DepthGroupOf(indication);
        var home = request.Setting == Setting.Home;
        var warnings = new List<PlanWarning>();
        var zones = new List<ZonePlan>();

        var fired = _screener.Screen(request).Findings.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
        var phototypeCapped = request.Fitzpatrick >= planning.Envelope.PhototypeCap.FitzpatrickAtLeast;

        foreach (var zone in request.Zones)
        {
            if (home && planning.Home.ExcludedZones.Contains(zone))
            {
                warnings.Add(Warning("PL-HOME-ZONE", zone));
                continue;
            }

            var row = planning.Depth.Rows.First(r => r.Zones.Contains(zone));
            if (!row.DepthMm.TryGetValue(group, out var depth))
            {
                warnings.Add(Warning("PL-NO-DEPTH", zone));
                continue;
            }

            foreach (var (ceiling, code) in Ceilings(request, zone, phototypeCapped, fired))
            {
                if (depth.Max > ceiling)
                {
                    depth = new MmRange(Math.Min(depth.Min, ceiling), ceiling);
                    warnings.Add(Warning(code, zone));
                }
            }

            var passes = planning.Passes[group];
            if (phototypeCapped && planning.Envelope.PhototypeCap.PassesAtLowEnd && passes.Max != passes.Min)
            {
                passes = new CountRange(passes.Min, passes.Min);
                if (!warnings.Any(w => w.Code == "PL-PHOTOTYPE-CAP" && w.Zone == zone))
                {
                    warnings.Add(Warning("PL-PHOTOTYPE-CAP", zone));
                }
            }

            zones.Add(new ZonePlan(zone, depth, passes));
        }

        if (home && planning.Home.DermalIndications.Contains(indication))
        {
            warnings.Add(Warning("PL-HOME-DEPTH", null));
        }

        if (home && request.Device?.Mechanism is { } mechanism && !planning.Home.Mechanisms.Contains(mechanism))
        {
            warnings.Add(Warning("PL-HOME-DEVICE", null));
        }

        foreach (var clearance in planning.Clearances)
        {
            if (request.Fitzpatrick is { } type && clearance.Indications.Contains(indication)
                && (type < clearance.Fitzpatrick.Min || type > clearance.Fitzpatrick.Max))
            {
                warnings.AddRange(request.Zones.Where(clearance.Zones.Contains).Select(z => Warning(clearance.Code, z)));
            }
        }

        var course = planning.CourseFor(indication);
        return new Plan(
            zones,
            planning.IntervalDays(request.Setting, indication, request.Device?.NeedleLengthMm),
            course.Sessions,
            warnings,
            planning.Depth.Note,
            planning.Depth.Sources.Concat(course.Sources).Distinct().ToList(),
            knowledge.Version);
    }

    /// <summary>Every depth ceiling that applies to the zone, each with the warning given when it cuts the table's range.</summary>
    private IEnumerable<(decimal Ceiling, string Code)> Ceilings(Intake request, Zone zone, bool phototypeCapped, HashSet<string> fired)
    {
        var envelope = knowledge.Planning.Envelope;
        var home = knowledge.Planning.Home;
        yield return (envelope.MaxDepthMm, "PL-MAX-DEPTH");
        foreach (var cap in envelope.ZoneCaps.Where(c => c.Zone == zone))
        {
            yield return (cap.MaxDepthMm, "PL-ZONE-CAP");
        }

        if (phototypeCapped)
        {
            yield return (envelope.PhototypeCap.MaxDepthMm, "PL-PHOTOTYPE-CAP");
        }

        foreach (var cap in envelope.RuleCaps.Where(c => fired.Contains(c.Rule)))
        {
            yield return (cap.MaxDepthMm, cap.Warning);
        }

        if (request.Setting == Setting.Home)
        {
            yield return (knowledge.Screening.Terms.FaceZones.Contains(zone) ? home.FaceMaxDepthMm : home.MaxDepthMm, "PL-HOME-CAP");
        }

        if (request.Device?.NeedleLengthMm is { } needle)
        {
            yield return (needle, "PL-DEVICE-CAP");
        }
    }

    private PlanWarning Warning(string code, Zone? zone)
    {
        var text = knowledge.Planning.Warnings.First(w => w.Code == code);
        return new PlanWarning(code, zone, text.Message, text.Sources);
    }
}
