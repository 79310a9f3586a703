using System.Text.Json.Serialization;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

// The shapes of the files in knowledge/. They are read as they stand and checked by KnowledgeValidator;
// the engines use them directly once checked.

public sealed record SourceFile(IReadOnlyList<Source> Sources);

/// <summary>An entry of the evidence library (knowledge/sources.json).</summary>
public sealed record Source(string Id, SourceStatus Status, string Kind, string Citation, string Supports, string Checked);

/// <summary>
/// One condition a rule tests. Exactly one kind is set (condition, medication, allergy, procedure,
/// fitzpatrickAtLeast, ageBelow, needleLongerThanMm, mechanism, deviceNot, deviceUnknown).
/// </summary>
public sealed record Trigger(
    IReadOnlyList<Condition>? Condition = null,
    IReadOnlyList<ConditionStatus>? Status = null,
    IReadOnlyList<Medication>? Medication = null,
    bool Current = false,
    int? WithinDays = null,
    int? WithinMonths = null,
    IReadOnlyList<Allergy>? Allergy = null,
    IReadOnlyList<Procedure>? Procedure = null,
    bool MinimumInterval = false,
    int? FitzpatrickAtLeast = null,
    int? AgeBelow = null,
    decimal? NeedleLongerThanMm = null,
    IReadOnlyList<Mechanism>? Mechanism = null,
    IReadOnlyList<DeviceProperty>? DeviceNot = null,
    IReadOnlyList<DeviceProperty>? DeviceUnknown = null);

/// <summary>
/// A screening or device rule as written in the file: it fires when any trigger matches. <c>verdict</c> has one
/// entry per setting; <c>none</c> means the rule does not apply in that setting.
/// </summary>
/// <param name="Title">What the finding is about in a few plain words ("active acne"), for sentences that name several; screening rules need one.</param>
public sealed record RuleData(
    string Code,
    IReadOnlyList<Trigger> When,
    IReadOnlyDictionary<string, string> Verdict,
    string Message,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, string>? Advice = null,
    string? Title = null);

public sealed record ScreeningFile(ScreeningTerms Terms, IReadOnlyList<RuleData> Rules);

/// <summary>Precise terms of clinical-rules.md §1.</summary>
/// <param name="CurrentMedicationDays">A medication is current when its last dose is fewer than this many days before the date.</param>
/// <param name="StillTaking">Added to a dated rule's message when the medication is still being taken.</param>
/// <param name="Summaries">One line per verdict; <c>{date}</c> and <c>{rules}</c> are filled in.</param>
/// <param name="ConditionStatuses">The conditions that take only some statuses (DESIGN §2); every other condition takes all three.</param>
public sealed record ScreeningTerms(
    int CurrentMedicationDays, IReadOnlyList<Zone> FaceZones, string StillTaking, ScreeningSummaries Summaries, IReadOnlyList<ConditionStatusRule>? ConditionStatuses = null)
{
    private static readonly ConditionStatus[] AllStatuses = Enum.GetValues<ConditionStatus>();

    /// <summary>The statuses <paramref name="condition"/> can have, in vocabulary order.</summary>
    public IReadOnlyList<ConditionStatus> StatusesOf(Condition condition) => StatusesOf(RuleOf(condition));

    /// <summary>Why a status is not one the condition can have, naming those it can; null when it is valid.</summary>
    public string? StatusProblem(Condition condition, ConditionStatus status)
    {
        var rule = RuleOf(condition);
        var valid = StatusesOf(rule);
        return valid.Contains(status)
            ? null
            : $"'{Codes.Of(status)}' is not a status of {Codes.Of(condition)}: give {string.Join(" or ", valid.Select(v => Codes.Of(v)))}"
              + (rule is { Reason: { } reason } ? $" ({reason})" : "");
    }

    private ConditionStatusRule? RuleOf(Condition condition) => ConditionStatuses?.FirstOrDefault(r => r.Conditions.Contains(condition));

    private static IReadOnlyList<ConditionStatus> StatusesOf(ConditionStatusRule? rule) =>
        rule is null ? AllStatuses : [.. AllStatuses.Where(rule.Statuses.Contains)];
}

/// <param name="Reason">Why these conditions take only these statuses, in plain words.</param>
public sealed record ConditionStatusRule(IReadOnlyList<Condition> Conditions, IReadOnlyList<ConditionStatus> Statuses, string Reason, IReadOnlyList<string> Sources);

public sealed record ScreeningSummaries(string Proceed, string Caution, string Defer, string DeferDated, string DeferDatedAndUndated, string Refer, string Decline);

public sealed record DeviceFile(string Note, IReadOnlyList<RuleData> Rules);

public sealed record MmRange(decimal Min, decimal Max);

public sealed record CountRange(int Min, int? Max);

public sealed record DepthRow(IReadOnlyList<Zone> Zones, IReadOnlyDictionary<string, MmRange> DepthMm, string? Note = null);

public sealed record DepthTable(string Note, IReadOnlyList<string> Sources, IReadOnlyDictionary<string, IReadOnlyList<Indication>> Groups, IReadOnlyList<DepthRow> Rows);

public sealed record PhototypeCap(int FitzpatrickAtLeast, decimal MaxDepthMm, bool PassesAtLowEnd);

public sealed record ZoneCap(Zone Zone, decimal MaxDepthMm);

/// <summary>A depth ceiling that applies whenever a screening rule fires for the person (e.g. CI-ANTICOAGULANT → 1.0 mm).</summary>
public sealed record RuleCap(string Rule, decimal MaxDepthMm, string Warning);

public sealed record Envelope(decimal MaxDepthMm, IReadOnlyList<string> MaxDepthSources, PhototypeCap PhototypeCap, IReadOnlyList<ZoneCap> ZoneCaps, IReadOnlyList<RuleCap> RuleCaps);

public sealed record Course(IReadOnlyList<Indication> Indications, CountRange IntervalDays, CountRange Sessions, IReadOnlyList<string> Sources, bool Maintenance = false);

/// <summary>Home interval by needle length: the first entry whose <c>needleUpToMm</c> (inclusive) holds, null = any length.</summary>
public sealed record HomeInterval(decimal? NeedleUpToMm, int MinimumDays);

public sealed record HomeLimits(
    IReadOnlyList<Mechanism> Mechanisms,
    decimal MaxDepthMm,
    decimal FaceMaxDepthMm,
    IReadOnlyList<Zone> ExcludedZones,
    IReadOnlyList<Indication> DermalIndications,
    IReadOnlyList<HomeInterval> Intervals,
    IReadOnlyList<string> Sources);

/// <summary>A regulatory clearance that covers a zone and indication only for some phototypes.</summary>
public sealed record Clearance(string Code, IReadOnlyList<Zone> Zones, IReadOnlyList<Indication> Indications, CountRange Fitzpatrick);

public sealed record PlanWarningText(string Code, string Message, IReadOnlyList<string> Sources);

/// <summary>A follow-up contact: <c>offsetDays</c> from its anchor (a session, the next session, the last session).</summary>
public sealed record FollowUpRule(string Kind, string Anchor, int OffsetDays, string Message, IReadOnlyList<string> Sources);

public sealed record PlanningFile(
    DepthTable Depth,
    IReadOnlyDictionary<string, CountRange> Passes,
    Envelope Envelope,
    IReadOnlyList<Course> Courses,
    int DefaultClinicMinimumIntervalDays,
    HomeLimits Home,
    IReadOnlyList<Clearance> Clearances,
    IReadOnlyList<PlanWarningText> Warnings,
    IReadOnlyList<FollowUpRule> FollowUps);

/// <summary>Hours since treatment: upTo ≤, after &gt;, from ≥, before &lt;. Absent bounds are open.</summary>
public sealed record HourWindow(decimal? UpTo = null, decimal? After = null, decimal? From = null, decimal? Before = null)
{
    public bool Contains(decimal hours) =>
        (UpTo is not { } upTo || hours <= upTo)
        && (After is not { } after || hours > after)
        && (From is not { } from || hours >= from)
        && (Before is not { } before || hours < before);
}

/// <summary>Another symptom that must be present at the same time (e.g. warmth with worsening redness).</summary>
public sealed record CoSymptom(IReadOnlyList<Symptom> Symptoms, IReadOnlyList<Trend>? Trend = null);

/// <summary>
/// One way a triage rule matches a reported symptom. Absent filters match anything; a symptom with no trend
/// matches <c>trendNot</c> but never <c>trend</c>, and one with no severity never matches <c>severity</c>.
/// </summary>
public sealed record TriageCase(
    Urgency Urgency,
    IReadOnlyList<Symptom>? Symptoms = null,
    IReadOnlyList<Severity>? Severity = null,
    IReadOnlyList<Trend>? Trend = null,
    IReadOnlyList<Trend>? TrendNot = null,
    HourWindow? Hours = null,
    Setting? Setting = null,
    CoSymptom? With = null);

/// <summary>A triage rule; the fallback rule covers every symptom no other rule matched.</summary>
public sealed record TriageRule(string Code, string Message, IReadOnlyList<string> Sources, IReadOnlyList<TriageCase> Cases, bool Fallback = false);

/// <summary>
/// Where a person is in healing, shown beside a triage answer for orientation; the urgency itself comes from the rules.
/// <paramref name="UntilHours"/> is exclusive; null for the last phase.
/// </summary>
public sealed record HealingPhase(string Name, string Span, decimal FromHours, decimal? UntilHours, string WhatHappens, IReadOnlyList<string> Sources)
{
    public bool Contains(decimal hours) => hours >= FromHours && (UntilHours is not { } until || hours < until);
}

public sealed record TriageFile(string Note, IReadOnlyList<TriageRule> Rules, IReadOnlyList<HealingPhase> HealingPhases);

public sealed record QualitativeGrade(int Grade, string Level, string Definition, string Examples);

public sealed record QualitativeScale(string Source, string Note, IReadOnlyList<QualitativeGrade> Grades);

/// <summary>Lesion count band: the first entry whose <c>upTo</c> (inclusive) holds, null = no upper bound.</summary>
public sealed record CountBand(int? UpTo, int Band);

public sealed record ScarType(string Code, string Group, int Weight, string Description);

/// <summary>Keloidal area band: the first whose <c>below</c> (exclusive) or <c>upTo</c> (inclusive) holds; both null = any larger area.</summary>
public sealed record AreaBand(decimal? Below, decimal? UpTo, int Points);

public sealed record KeloidalScoring(string Code, string Group, string Description, IReadOnlyList<AreaBand> AreaBands, string Note);

public sealed record QuantitativeScale(
    string Source,
    string Label,
    string Note,
    IReadOnlyList<CountBand> CountBands,
    IReadOnlyList<ScarType> Types,
    KeloidalScoring Keloidal,
    int Maximum);

public sealed record ImprovementNotes(IReadOnlyList<string> Sources, string Note);

public sealed record Phototype(int Type, string Description);

public sealed record Phototypes(string Source, IReadOnlyList<Phototype> Types);

public sealed record OutcomesFile(QualitativeScale Qualitative, QuantitativeScale Quantitative, ImprovementNotes Improvement, Phototypes Phototypes);

/// <summary>knowledge/ingredients.json: how INCI lists are read and which ingredients fall in which class (ingredients.md).</summary>
public sealed record IngredientsFile(
    string Note,
    InciSyntax Parsing,
    IngredientLexicon Lexicon,
    IngredientRecognition Recognition,
    PositionRule PositionRule,
    IReadOnlyList<IngredientClassData> Classes);

public sealed record InciHeaders(IReadOnlyList<string> List, IReadOnlyList<string> Actives, IReadOnlyList<string> Inactive, IReadOnlyList<string> Ignored);

/// <param name="PurposeColumn">Words after the actives header that title the Drug Facts purpose column.</param>
/// <param name="MayContain">Phrases that open a "may contain" section (§1.4).</param>
/// <param name="PeriodExceptions">Words whose final period does not end an entry (<c>Denat.</c>, <c>No.</c>).</param>
/// <param name="PharmacopoeiaSuffixes">Trailing words dropped from a name (<c>Adapalene USP</c>).</param>
public sealed record InciSyntax(
    InciHeaders Headers,
    IReadOnlyList<string> PurposeColumn,
    IReadOnlyList<string> MayContain,
    IReadOnlyList<string> PeriodExceptions,
    IReadOnlyList<string> PharmacopoeiaSuffixes);

/// <summary>Names (and name patterns) that make a slash a synonym slash, besides the names of the classes.</summary>
public sealed record IngredientLexicon(string Note, IReadOnlyList<string> Names, IReadOnlyList<string> Patterns);

/// <summary>
/// How an entry that belongs to no class is still recognised (ingredients.md §1.3a): label names read as their INCI name,
/// and the names that are INCI by construction.
/// </summary>
/// <param name="LabelNames">Common or drug names printed on labels, each read as an INCI name ("Vitamin C" as Ascorbic Acid).</param>
/// <param name="NearMissMinLetters">A name needs this many letters before a one-letter slip is read as the known name.</param>
/// <param name="GradeWords">Words a label puts before a name that say how it was grown or pressed (<c>Organic</c>); the name after them is matched.</param>
public sealed record IngredientRecognition(
    string Note, IReadOnlyList<LabelName> LabelNames, StructuralNames Structural, int NearMissMinLetters, IReadOnlyList<string> Sources, IReadOnlyList<string>? GradeWords = null);

/// <param name="Name">The name as printed.</param>
/// <param name="Inci">The INCI name it stands for; it is classified as that name is.</param>
public sealed record LabelName(string Name, string Inci, string? Source = null);

/// <summary>
/// Names that are INCI by construction. Every word after the fixed part must be a word of a known name, and a form built
/// on an avoid or careful ingredient is never recognised this way (an ester of retinol is not known to be safe).
/// </summary>
/// <param name="NumberedPrefixes">Names followed by a number (<c>PEG-40 …</c>, <c>Polysorbate 20</c>, <c>Ceteareth-20</c>).</param>
/// <param name="PolymerEndings">Last words of polymer names (<c>… Copolymer</c>, <c>… Crosspolymer</c>).</param>
/// <param name="SaltPrefixes">Cations and alkyl groups of salts and esters (<c>Sodium …ate</c>, <c>Cetyl …ate</c>).</param>
/// <param name="PlantParts">Parts of a plant between its binomial and its preparation (<c>Leaf</c>, <c>Seed</c>).</param>
/// <param name="PlantPreparations">Preparations that end a botanical name (<c>Extract</c>, <c>Oil</c>, <c>Water</c>).</param>
public sealed record StructuralNames(
    string Note,
    IReadOnlyList<string> NumberedPrefixes,
    IReadOnlyList<string> PolymerEndings,
    IReadOnlyList<string> SaltPrefixes,
    IReadOnlyList<string> PlantParts,
    IReadOnlyList<string> PlantPreparations);

/// <summary>knowledge/inci-vocabulary.json: INCI names gathered from published lists, each list with its source and licence.</summary>
public sealed record VocabularyFile(string Note, IReadOnlyList<NameList> Lists, IReadOnlyList<LabelName> DrugNames);

public sealed record NameList(string Id, string Title, string Source, string Licence, string Retrieved, IReadOnlyList<string> Names);

/// <summary>The "1 % line" (§4.1): an acid with a position condition counts only at or before <c>maxPosition</c> and before the first marker.</summary>
public sealed record PositionRule(string Note, int MaxPosition, IReadOnlyList<string> Markers, IReadOnlyList<string> Sources);

/// <summary>
/// One ingredient class. The first step whose names or patterns contain an ingredient's key decides the class for it;
/// <c>windowHours</c> is set for avoid and careful classes only.
/// </summary>
public sealed record IngredientClassData(IngredientClass Code, string Reason, IReadOnlyList<string> Sources, IReadOnlyList<ClassStep> Steps, int? WindowHours = null);

/// <param name="Match">False for an exclusion step.</param>
/// <param name="When">A position condition the ingredient must also meet.</param>
public sealed record ClassStep(IReadOnlyList<string>? Names = null, IReadOnlyList<string>? Patterns = null, bool Match = true, PositionCondition? When = null, string? Note = null);

[JsonConverter(typeof(Json.CodeConverter<PositionCondition>))]
public enum PositionCondition { BeforeOnePercentLine, FirstPosition }

/// <summary>knowledge/records.json: what the clinic server enforces when a session is recorded, and how it finds safety signals.</summary>
/// <param name="ScreeningValidDays">A screening older than this many days does not count.</param>
/// <param name="BlockingVerdicts">Screening verdicts that refuse a session.</param>
/// <param name="BookingRules">What booking an appointment checks ahead of time (<see cref="Scheduling.BookingRules"/>).</param>
public sealed record RecordsFile(string Note, int ScreeningValidDays, IReadOnlyList<Verdict> BlockingVerdicts, IReadOnlyList<RecordRule> SessionRules, IReadOnlyList<RecordRule> BookingRules, SignalSettings Signals, MessageSettings Messages, ConsentFormText ConsentForm)
{
    /// <summary>Whether a screening on <paramref name="screened"/> counts for a visit on <paramref name="day"/>: not after it, and at most <see cref="ScreeningValidDays"/> before.</summary>
    public bool ScreeningCounts(DateOnly screened, DateOnly day) => screened <= day && screened.AddDays(ScreeningValidDays) >= day;
}

/// <summary>
/// The consent form a clinic uses until its clinic-admin publishes its own version: the text the patient reads, the
/// separate paragraph about photographs, and the statements the patient ticks when signing (these stay for every version).
/// </summary>
public sealed record ConsentFormText(string Note, string Version, string Title, IReadOnlyList<string> Text, string PhotoText, IReadOnlyList<string> Statements, IReadOnlyList<string> Sources);

/// <summary>A server rule; <c>{placeholders}</c> in the message are filled in where it fires.</summary>
public sealed record RecordRule(string Code, string Message, IReadOnlyList<string> Sources)
{
    /// <summary>The message with each <c>{name}</c> replaced by its value.</summary>
    public string Fill(params (string Name, string Value)[] values) => Placeholders.Fill(Message, values);
}

/// <summary>The <c>{name}</c> placeholders of the knowledge files' texts.</summary>
public static class Placeholders
{
    /// <summary><paramref name="text"/> with each <c>{name}</c> replaced by its value.</summary>
    public static string Fill(string text, IEnumerable<(string Name, string Value)> values) =>
        values.Aggregate(text, (filled, v) => filled.Replace("{" + v.Name + "}", v.Value, StringComparison.Ordinal));
}

/// <summary>
/// The messages to patients (DESIGN §5): when each kind is due, its wording, its sources, and the plain name an
/// aftercare message gives each product class it says to avoid.
/// </summary>
public sealed record MessageSettings(string Note, IReadOnlyList<MessageTemplate> Kinds, IReadOnlyList<ClassName> ClassNames)
{
    public MessageTemplate Of(MessageKind kind) => Kinds.First(k => k.Kind == kind);

    public string NameOf(IngredientClass c) => ClassNames.FirstOrDefault(n => n.Class == c)?.Name ?? Codes.Of(c);
}

/// <param name="Hours">When it is due, in hours from its event: before the appointment's start (negative), after the session (positive).</param>
/// <param name="Body">The paragraphs, with placeholders: {name}, {clinic}, {date}, {time}, {duration}, {avoid}, {triage}.</param>
public sealed record MessageTemplate(MessageKind Kind, int Hours, string Subject, IReadOnlyList<string> Body, IReadOnlyList<string> Sources);

/// <summary>A product class as a patient would call it ("retinoids (retinol, tretinoin)").</summary>
public sealed record ClassName(IngredientClass Class, string Name);

/// <summary>A cluster is at least <c>minimumEvents</c> adverse events of one kind within <c>windowDays</c> sharing a lot, a device or an operator.</summary>
public sealed record SignalSettings(string Note, int WindowDays, int MinimumEvents, IReadOnlyList<SignalKind> Kinds);

/// <summary>A kind of adverse event (infection, granuloma) recognised by its symptoms.</summary>
public sealed record SignalKind(string Kind, IReadOnlyList<Symptom> Symptoms, IReadOnlyList<string> Sources);
