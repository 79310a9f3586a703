using System.Text.Json.Serialization;
using Stratum.Core.Json;

namespace Stratum.Core.Vocabulary;

// DESIGN §2. Member names map to codes through Codes (PascalCase → kebab-case);
// the order of the ordered vocabularies (Verdict, Urgency, DeviceVerdict) is their severity.
// Each carries its JSON converter, so no JSON context lists converters in its options: a context with converters in
// its options loses the generated fast path for every type it writes.

[JsonConverter(typeof(CodeConverter<Setting>))]
public enum Setting { Clinic, Home }

[JsonConverter(typeof(CodeConverter<Zone>))]
public enum Zone
{
    Forehead, Glabella, Periorbital, Nose, Cheeks, Perioral, Chin, Jawline,
    Neck, Decolletage, Scalp, Hands, Abdomen, Thighs, Arms, Back,
}

[JsonConverter(typeof(CodeConverter<Indication>))]
public enum Indication
{
    AcneScars, SurgicalScars, FineLines, Wrinkles, Texture,
    EnlargedPores, StretchMarks, Hyperpigmentation, Rejuvenation, Alopecia,
}

[JsonConverter(typeof(CodeConverter<Condition>))]
public enum Condition
{
    ActiveAcne, Rosacea, SkinSensitivity, Eczema, Psoriasis, Dermatitis,
    SkinInfection, HerpesLabialis, Warts, KeloidTendency, SkinCancer, OpenWound,
    Sunburn, BleedingDisorder, Immunosuppression, Diabetes, CollagenVascularDisease,
    Vitiligo, Pregnancy, Breastfeeding,
}

[JsonConverter(typeof(CodeConverter<ConditionStatus>))]
public enum ConditionStatus { Active, Controlled, History }

[JsonConverter(typeof(CodeConverter<Medication>))]
public enum Medication
{
    Isotretinoin, TopicalRetinoid, Retinol, Anticoagulant, Antiplatelet, Immunosuppressant, SystemicSteroid,
}

[JsonConverter(typeof(CodeConverter<Allergy>))]
public enum Allergy { StainlessSteel, Nickel, TopicalAnesthetic }

[JsonConverter(typeof(CodeConverter<Procedure>))]
public enum Procedure { ChemicalPeel, LaserResurfacing, DermalFiller, BotulinumToxin, Microneedling }

/// <summary>Screening verdict; the worst finding wins.</summary>
[JsonConverter(typeof(CodeConverter<Verdict>))]
public enum Verdict { Proceed, Caution, Defer, Refer, Decline }

/// <summary>Triage urgency; the worst finding wins.</summary>
[JsonConverter(typeof(CodeConverter<Urgency>))]
public enum Urgency { Expected, Monitor, ContactClinic, UrgentCare, Emergency }

[JsonConverter(typeof(CodeConverter<Symptom>))]
public enum Symptom
{
    Erythema, Edema, PinpointBleeding, Dryness, Flaking, Itching, Burning,
    Pain, Warmth, Pus, Crusting, Vesicles, Papules, Nodules, Hyperpigmentation,
    Hypopigmentation, TrackMarks, SpreadingRedness, Fever, Hives, FacialSwelling,
    DifficultyBreathing,
}

[JsonConverter(typeof(CodeConverter<Trend>))]
public enum Trend { Improving, Stable, Worsening }

[JsonConverter(typeof(CodeConverter<Severity>))]
public enum Severity { Mild, Moderate, Severe }

[JsonConverter(typeof(CodeConverter<Mechanism>))]
public enum Mechanism { Motorized, Roller, Stamp }

/// <summary>Device assessment verdict; the worst finding wins.</summary>
[JsonConverter(typeof(CodeConverter<DeviceVerdict>))]
public enum DeviceVerdict { Suitable, Caution, Unsuitable }

/// <summary>Device properties a rule can test.</summary>
[JsonConverter(typeof(CodeConverter<DeviceProperty>))]
public enum DeviceProperty { Sterile, SingleUse, FdaCleared, AdjustableDepth }

/// <summary>How well a finding is supported, from its best source (knowledge/sources.json).</summary>
[JsonConverter(typeof(CodeConverter<SourceStatus>))]
public enum SourceStatus { Convention, Unverified, Corrected, Verified }

/// <summary>
/// Aftercare ingredient classes in DESIGN §2 order: avoid classes, then careful classes, then helpful classes.
/// Which group a class belongs to is fixed here; how long its window lasts is knowledge (knowledge/ingredients.json).
/// </summary>
[JsonConverter(typeof(CodeConverter<IngredientClass>))]
public enum IngredientClass
{
    Retinoid, Aha, Bha, Pha, VitaminC, BenzoylPeroxide, Exfoliant, EssentialOil,
    Fragrance, AlcoholDenat,
    HyaluronicAcid, Peptide, CopperPeptide, Centella, Ceramide, Barrier, GrowthFactor,
}

/// <summary>Aftercare verdict for a product; ordered, the worst open flag wins.</summary>
[JsonConverter(typeof(CodeConverter<AftercareVerdict>))]
public enum AftercareVerdict { Ok, Caution, Avoid }

/// <summary>Whether the clinic may write to the patient (appointment reminders, aftercare): by email, or not at all.</summary>
[JsonConverter(typeof(CodeConverter<ContactPreference>))]
public enum ContactPreference { Email, None }

/// <summary>An adverse event is open until it is resolved with its outcome; a resolved one can be opened again.</summary>
[JsonConverter(typeof(CodeConverter<AdverseEventStatus>))]
public enum AdverseEventStatus { Open, Resolved }

[JsonConverter(typeof(CodeConverter<AppointmentStatus>))]
public enum AppointmentStatus { Booked, Arrived, Completed, Cancelled, NoShow }

/// <summary>What the outbox sends: a reminder before a visit, aftercare after a session, a follow-up a month on.</summary>
[JsonConverter(typeof(CodeConverter<MessageKind>))]
public enum MessageKind
{
    AppointmentReminder,
    [JsonStringEnumMemberName("aftercare-24h")] Aftercare24h,
    [JsonStringEnumMemberName("aftercare-72h")] Aftercare72h,
    FollowUp,
}

/// <summary>Where a message is: waiting, delivered to the mail server, failed (retried), or not sendable (no address, or preference none).</summary>
[JsonConverter(typeof(CodeConverter<MessageStatus>))]
public enum MessageStatus { Pending, Sent, Failed, NotSendable }
