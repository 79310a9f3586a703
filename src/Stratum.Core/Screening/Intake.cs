using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Screening;

public sealed record ConditionEntry(Condition Code, ConditionStatus Status);

/// <param name="LastDose">The last dose; null means the person still takes it.</param>
public sealed record MedicationEntry(Medication Code, DateOnly? LastDose = null);

public sealed record ProcedureEntry(Procedure Code, DateOnly Date);

/// <summary>The needling device as far as it is known; null properties are unknown.</summary>
public sealed record DeviceSpec(
    decimal? NeedleLengthMm = null,
    Mechanism? Mechanism = null,
    bool? Sterile = null,
    bool? SingleUse = null,
    bool? FdaCleared = null,
    bool? AdjustableDepth = null)
{
    public bool? Has(DeviceProperty property) => property switch
    {
        DeviceProperty.Sterile => Sterile,
        DeviceProperty.SingleUse => SingleUse,
        DeviceProperty.FdaCleared => FdaCleared,
        DeviceProperty.AdjustableDepth => AdjustableDepth,
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    /// <summary>Longest accepted needle, in mm: well past any real device, so a typo is caught.</summary>
    public const decimal MaxNeedleLengthMm = 10m;

    internal static DeviceSpec Read(ObjectReader o) => new(
        o.Number("needleLengthMm", 0m, MaxNeedleLengthMm, minExclusive: true),
        o.Code<Mechanism>("mechanism"),
        o.Boolean("sterile"),
        o.Boolean("singleUse"),
        o.Boolean("fdaCleared"),
        o.Boolean("adjustableDepth"));
}

/// <summary>A screening intake (DESIGN §3 <c>stratum screen</c>). All dates are calendar dates.</summary>
/// <param name="Date">The day of the planned treatment; every waiting period counts from it.</param>
public sealed record Intake(
    Setting Setting,
    DateOnly Date,
    int? Age = null,
    int? Fitzpatrick = null,
    Indication? Indication = null,
    IReadOnlyList<Zone>? Zones = null,
    IReadOnlyList<ConditionEntry>? Conditions = null,
    IReadOnlyList<MedicationEntry>? Medications = null,
    IReadOnlyList<Allergy>? Allergies = null,
    IReadOnlyList<ProcedureEntry>? Procedures = null,
    DeviceSpec? Device = null)
{
    public IReadOnlyList<Zone> Zones { get; init; } = Zones ?? [];
    public IReadOnlyList<ConditionEntry> Conditions { get; init; } = Conditions ?? [];
    public IReadOnlyList<MedicationEntry> Medications { get; init; } = Medications ?? [];
    public IReadOnlyList<Allergy> Allergies { get; init; } = Allergies ?? [];
    public IReadOnlyList<ProcedureEntry> Procedures { get; init; } = Procedures ?? [];

    /// <summary>Reads an intake; <paramref name="today"/> is the date when the input gives none; each condition's status must be one it can have.</summary>
    public static InputResult<Intake> Parse(JsonText json, DateOnly today, KnowledgeBase knowledge) => JsonInput.Parse(json, o => Read(o, today, knowledge.Screening.Terms));

    /// <summary>A condition and its status; a status the condition cannot have (pregnancy "controlled") is an error at <c>status</c>.</summary>
    public static (Condition Code, ConditionStatus Status)? ReadCondition(ObjectReader c, ScreeningTerms terms)
    {
        var code = c.Code<Condition>("code", required: true);
        var status = c.Code<ConditionStatus>("status", required: true);
        if (code is not { } k || status is not { } s)
        {
            return null;
        }

        if (terms.StatusProblem(k, s) is { } problem)
        {
            c.Error("status", problem);
            return null;
        }

        return (k, s);
    }

    private static Intake? Read(ObjectReader o, DateOnly today, ScreeningTerms terms)
    {
        var setting = o.Code<Setting>("setting", required: true);
        var date = o.Date("date") ?? today;
        var intake = new Intake(
            setting ?? Setting.Clinic,
            date,
            o.Integer("age", 0, 130),
            o.Integer("fitzpatrick", 1, 6),
            o.Code<Indication>("indication"),
            o.CodeList<Zone>("zones"),
            o.Objects("conditions", c => ReadCondition(c, terms) is var (code, status) ? new ConditionEntry(code, status) : null),
            o.Objects("medications", m =>
            {
                var code = m.Code<Medication>("code", required: true);
                var lastDose = m.Date("lastDose");
                if (lastDose > date)
                {
                    m.Error("lastDose", $"{lastDose:yyyy-MM-dd} is after the screening date {date:yyyy-MM-dd}");
                }

                return code is { } k ? new MedicationEntry(k, lastDose) : null;
            }),
            o.CodeList<Allergy>("allergies"),
            o.Objects("procedures", p =>
            {
                var code = p.Code<Procedure>("code", required: true);
                var when = p.Date("date", required: true);
                if (when > date)
                {
                    p.Error("date", $"{when:yyyy-MM-dd} is after the screening date {date:yyyy-MM-dd}");
                }

                return code is { } k && when is { } d ? new ProcedureEntry(k, d) : null;
            }),
            o.Object("device", DeviceSpec.Read));

        RejectRepeats(o, "conditions", intake.Conditions, c => c.Code);
        RejectRepeats(o, "medications", intake.Medications, m => m.Code);
        return setting is null ? null : intake;
    }

    // One status per condition and one last dose per medication: a repeat would make the answer depend on order.
    private static void RejectRepeats<TEntry, TCode>(ObjectReader o, string field, IReadOnlyList<TEntry> entries, Func<TEntry, TCode> code)
        where TCode : struct, Enum
    {
        for (var i = 1; i < entries.Count; i++)
        {
            var current = code(entries[i]);
            var before = 0;
            for (var j = 0; j < i; j++)
            {
                before += EqualityComparer<TCode>.Default.Equals(code(entries[j]), current) ? 1 : 0;
            }

            // Reported once, at its second appearance (lists hold at most 64 entries).
            if (before == 1)
            {
                o.Error(field, $"'{Codes.Of(current)}' is listed more than once");
            }
        }
    }
}
