namespace Stratum.Core.Vocabulary;

// DESIGN §2. Member names map to codes through Codes (PascalCase → kebab-case);
// the order of the ordered vocabularies (Verdict, Urgency, DeviceVerdict) is their severity.

public enum Setting { Clinic, Home }

public enum Zone
{
    Forehead, Glabella, Periorbital, Nose, Cheeks, Perioral, Chin, Jawline,
    Neck, Decolletage, Scalp, Hands, Abdomen, Thighs, Arms, Back,
}

public enum Indication
{
    AcneScars, SurgicalScars, FineLines, Wrinkles, Texture,
    EnlargedPores, StretchMarks, Hyperpigmentation, Rejuvenation, Alopecia,
}

public enum Condition
{
    ActiveAcne, Rosacea, SkinSensitivity, Eczema, Psoriasis, Dermatitis,
    SkinInfection, HerpesLabialis, Warts, KeloidTendency, SkinCancer, OpenWound,
    Sunburn, BleedingDisorder, Immunosuppression, Diabetes, CollagenVascularDisease,
    Vitiligo, Pregnancy, Breastfeeding,
}

public enum ConditionStatus { Active, Controlled, History }

public enum Medication
{
    Isotretinoin, TopicalRetinoid, Retinol, Anticoagulant, Antiplatelet, Immunosuppressant, SystemicSteroid,
}

public enum Allergy { StainlessSteel, Nickel, TopicalAnesthetic }

public enum Procedure { ChemicalPeel, LaserResurfacing, DermalFiller, BotulinumToxin, Microneedling }

/// <summary>Screening verdict; the worst finding wins.</summary>
public enum Verdict { Proceed, Caution, Defer, Refer, Decline }

/// <summary>Triage urgency; the worst finding wins.</summary>
public enum Urgency { Expected, Monitor, ContactClinic, UrgentCare, Emergency }

public enum Symptom
{
    Erythema, Edema, PinpointBleeding, Dryness, Flaking, Itching, Burning,
    Pain, Warmth, Pus, Crusting, Vesicles, Papules, Nodules, Hyperpigmentation,
    Hypopigmentation, TrackMarks, SpreadingRedness, Fever, Hives, FacialSwelling,
    DifficultyBreathing,
}

public enum Trend { Improving, Stable, Worsening }

public enum Severity { Mild, Moderate, Severe }

public enum Mechanism { Motorized, Roller, Stamp }

/// <summary>Device assessment verdict; the worst finding wins.</summary>
public enum DeviceVerdict { Suitable, Caution, Unsuitable }

/// <summary>Device properties a rule can test.</summary>
public enum DeviceProperty { Sterile, SingleUse, FdaCleared, AdjustableDepth }

/// <summary>How well a finding is supported, from its best source (knowledge/sources.json).</summary>
public enum SourceStatus { Convention, Unverified, Corrected, Verified }

/// <summary>
/// Aftercare ingredient classes in DESIGN §2 order: avoid classes, then careful classes, then helpful classes.
/// Which group a class belongs to is fixed here; how long its window lasts is knowledge (knowledge/ingredients.json).
/// </summary>
public enum IngredientClass
{
    Retinoid, Aha, Bha, Pha, VitaminC, BenzoylPeroxide, Exfoliant, EssentialOil,
    Fragrance, AlcoholDenat,
    HyaluronicAcid, Peptide, CopperPeptide, Centella, Ceramide, Barrier, GrowthFactor,
}

/// <summary>Aftercare verdict for a product; ordered, the worst open flag wins.</summary>
public enum AftercareVerdict { Ok, Caution, Avoid }
