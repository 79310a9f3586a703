using System.Globalization;
using Stratum.Core.Vocabulary;

namespace Stratum.Web.Components;

/// <summary>
/// The plain wording of the public pages: a question or name per code, so people never see a code (DESIGN §6).
/// Every code of a vocabulary the pages ask about has an entry; a test checks that none is missing.
/// </summary>
public static class PlainWords
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static readonly IReadOnlyDictionary<Condition, string> ConditionQuestions = new Dictionary<Condition, string>
    {
        [Condition.ActiveAcne] = "Do you have acne (spots, pimples) on the area now, or have you had it?",
        [Condition.Rosacea] = "Do you have rosacea (flushing, redness that comes and goes), or have you had it?",
        [Condition.SkinSensitivity] = "Is your skin easily irritated, stinging or reactive?",
        [Condition.Eczema] = "Do you have eczema, or have you had it?",
        [Condition.Psoriasis] = "Do you have psoriasis, or have you had it?",
        [Condition.Dermatitis] = "Do you have a skin rash from contact with something (dermatitis), or have you had one?",
        [Condition.SkinInfection] = "Do you have a skin infection on the area (red, hot, with pus)?",
        [Condition.HerpesLabialis] = "Do you have cold sores now, or have you had them?",
        [Condition.Warts] = "Do you have warts on the area?",
        [Condition.KeloidTendency] = "Do your scars grow thick and raised beyond the wound (keloids)?",
        [Condition.SkinCancer] = "Do you have skin cancer, or have you had it?",
        [Condition.OpenWound] = "Do you have an open cut or wound on the area?",
        [Condition.Sunburn] = "Do you have sunburn on the area?",
        [Condition.BleedingDisorder] = "Do you have a condition that makes you bleed easily or bruise a lot?",
        [Condition.Immunosuppression] = "Is your immune system weakened by an illness or its treatment?",
        [Condition.Diabetes] = "Do you have diabetes?",
        [Condition.CollagenVascularDisease] = "Do you have lupus, scleroderma or another connective-tissue disease?",
        [Condition.Vitiligo] = "Do you have vitiligo (patches of skin that lost their colour)?",
        [Condition.Pregnancy] = "Are you pregnant?",
        [Condition.Breastfeeding] = "Are you breastfeeding?",
    };

    public static readonly IReadOnlyDictionary<ConditionStatus, string> StatusAnswers = new Dictionary<ConditionStatus, string>
    {
        [ConditionStatus.Active] = "Yes, now",
        [ConditionStatus.Controlled] = "Yes, but it is under control",
        [ConditionStatus.History] = "Only in the past",
    };

    public static string StatusAnswer(ConditionStatus status) => StatusAnswers.GetValueOrDefault(status, Codes.Of(status));

    public static readonly IReadOnlyDictionary<Medication, string> MedicationQuestions = new Dictionary<Medication, string>
    {
        [Medication.Isotretinoin] = "Have you taken isotretinoin tablets for acne (Roaccutane, Accutane)?",
        [Medication.TopicalRetinoid] = "Do you use a prescription retinoid cream or gel (tretinoin, adapalene, tazarotene, trifarotene)?",
        [Medication.Retinol] = "Do you use a retinol product (serum, cream)?",
        [Medication.Anticoagulant] = "Do you take blood thinners (warfarin, apixaban, rivaroxaban)?",
        [Medication.Antiplatelet] = "Do you take aspirin or clopidogrel every day?",
        [Medication.Immunosuppressant] = "Do you take medicine that suppresses the immune system?",
        [Medication.SystemicSteroid] = "Do you take steroid tablets or injections (prednisolone)?",
    };

    public static readonly IReadOnlyDictionary<Allergy, string> AllergyNames = new Dictionary<Allergy, string>
    {
        [Allergy.StainlessSteel] = "Stainless steel",
        [Allergy.Nickel] = "Nickel (jewellery, buttons)",
        [Allergy.TopicalAnesthetic] = "Numbing creams (lidocaine, benzocaine)",
    };

    public static readonly IReadOnlyDictionary<Procedure, string> ProcedureNames = new Dictionary<Procedure, string>
    {
        [Procedure.ChemicalPeel] = "A chemical peel",
        [Procedure.LaserResurfacing] = "Laser resurfacing",
        [Procedure.DermalFiller] = "Filler injections",
        [Procedure.BotulinumToxin] = "Botox or another anti-wrinkle injection",
        [Procedure.Microneedling] = "Microneedling",
    };

    public static readonly IReadOnlyDictionary<Zone, string> ZoneNames = new Dictionary<Zone, string>
    {
        [Zone.Forehead] = "Forehead",
        [Zone.Glabella] = "Between the brows",
        [Zone.Periorbital] = "Around the eyes",
        [Zone.Nose] = "Nose",
        [Zone.Cheeks] = "Cheeks",
        [Zone.Perioral] = "Around the mouth",
        [Zone.Chin] = "Chin",
        [Zone.Jawline] = "Jawline",
        [Zone.Neck] = "Neck",
        [Zone.Decolletage] = "Décolletage",
        [Zone.Scalp] = "Scalp",
        [Zone.Hands] = "Hands",
        [Zone.Abdomen] = "Abdomen",
        [Zone.Thighs] = "Thighs",
        [Zone.Arms] = "Arms",
        [Zone.Back] = "Back",
    };

    public static readonly IReadOnlyDictionary<Indication, string> IndicationNames = new Dictionary<Indication, string>
    {
        [Indication.AcneScars] = "Acne scars",
        [Indication.SurgicalScars] = "Surgical scars",
        [Indication.FineLines] = "Fine lines",
        [Indication.Wrinkles] = "Wrinkles",
        [Indication.Texture] = "Skin texture",
        [Indication.EnlargedPores] = "Enlarged pores",
        [Indication.StretchMarks] = "Stretch marks",
        [Indication.Hyperpigmentation] = "Hyperpigmentation",
        [Indication.Rejuvenation] = "Rejuvenation",
        [Indication.Alopecia] = "Hair loss (alopecia)",
    };

    public static readonly IReadOnlyDictionary<Symptom, string> SymptomNames = new Dictionary<Symptom, string>
    {
        [Symptom.Erythema] = "Redness",
        [Symptom.Edema] = "Swelling of the treated skin",
        [Symptom.PinpointBleeding] = "Tiny spots of blood",
        [Symptom.Dryness] = "Dry, tight skin",
        [Symptom.Flaking] = "Flaking or peeling",
        [Symptom.Itching] = "Itching",
        [Symptom.Burning] = "Burning or stinging",
        [Symptom.Pain] = "Pain",
        [Symptom.Warmth] = "The skin feels hot to the touch",
        [Symptom.Pus] = "Yellow or green fluid (pus)",
        [Symptom.Crusting] = "Crusts or scabs",
        [Symptom.Vesicles] = "Small blisters",
        [Symptom.Papules] = "Small bumps",
        [Symptom.Nodules] = "Hard lumps under the skin",
        [Symptom.Hyperpigmentation] = "Darker patches",
        [Symptom.Hypopigmentation] = "Lighter patches",
        [Symptom.TrackMarks] = "Lines or dots in the pattern of the needles",
        [Symptom.SpreadingRedness] = "Redness that spreads beyond the treated area",
        [Symptom.Fever] = "Fever or chills",
        [Symptom.Hives] = "Hives (itchy raised welts)",
        [Symptom.FacialSwelling] = "Swelling of the lips, eyes or face",
        [Symptom.DifficultyBreathing] = "Difficulty breathing or swallowing",
    };

    /// <summary>"redness, yellow or green fluid (pus)": symptoms as a list in a sentence.</summary>
    public static string SymptomList(IEnumerable<Symptom> symptoms) =>
        string.Join(", ", symptoms.Select(s => SymptomNames.GetValueOrDefault(s, Codes.Of(s)).ToLowerInvariant()));

    public static readonly IReadOnlyDictionary<Trend, string> TrendNames = new Dictionary<Trend, string>
    {
        [Trend.Improving] = "Getting better",
        [Trend.Stable] = "About the same",
        [Trend.Worsening] = "Getting worse",
    };

    public static readonly IReadOnlyDictionary<Severity, string> SeverityNames = new Dictionary<Severity, string>
    {
        [Severity.Mild] = "Mild",
        [Severity.Moderate] = "Moderate",
        [Severity.Severe] = "Severe",
    };

    public static readonly IReadOnlyDictionary<IngredientClass, string> ClassNames = new Dictionary<IngredientClass, string>
    {
        [IngredientClass.Retinoid] = "retinoid",
        [IngredientClass.Aha] = "alpha-hydroxy acid (AHA)",
        [IngredientClass.Bha] = "beta-hydroxy acid (BHA)",
        [IngredientClass.Pha] = "polyhydroxy acid (PHA)",
        [IngredientClass.VitaminC] = "vitamin C",
        [IngredientClass.BenzoylPeroxide] = "benzoyl peroxide",
        [IngredientClass.Exfoliant] = "exfoliant",
        [IngredientClass.EssentialOil] = "essential oil",
        [IngredientClass.Fragrance] = "fragrance",
        [IngredientClass.AlcoholDenat] = "drying alcohol",
        [IngredientClass.HyaluronicAcid] = "hyaluronic acid",
        [IngredientClass.Peptide] = "peptide",
        [IngredientClass.CopperPeptide] = "copper peptide",
        [IngredientClass.Centella] = "centella",
        [IngredientClass.Ceramide] = "ceramide",
        [IngredientClass.Barrier] = "barrier support",
        [IngredientClass.GrowthFactor] = "growth factor",
    };

    /// <summary>The verdict as a heading, with a symbol so that it never depends on colour alone.</summary>
    public static (string Symbol, string Title, string Css) Of(Verdict verdict) => verdict switch
    {
        Verdict.Proceed => ("✓", "Nothing found that speaks against it", "good"),
        Verdict.Caution => ("!", "Possible, with care", "careful"),
        Verdict.Defer => ("‖", "Not now: wait", "wait"),
        Verdict.Refer => ("➜", "See a dermatologist or doctor first", "stop"),
        _ => ("✕", "Do not do this treatment", "stop"),
    };

    public static (string Symbol, string Title, string Css) Of(AftercareVerdict verdict) => verdict switch
    {
        AftercareVerdict.Ok => ("✓", "Fine to use", "good"),
        AftercareVerdict.Caution => ("!", "Use with care", "careful"),
        _ => ("✕", "Do not use yet", "stop"),
    };

    public static (string Symbol, string Title, string Css) Of(Urgency urgency) => urgency switch
    {
        Urgency.Expected => ("✓", "This is normal healing", "good"),
        Urgency.Monitor => ("i", "Keep an eye on it", "careful"),
        Urgency.ContactClinic => ("➜", "Call your clinic", "wait"),
        Urgency.UrgentCare => ("!", "Get medical care today", "stop"),
        _ => ("!!", "Emergency: call 112 / 911 now", "stop"),
    };

    /// <summary>"Thursday 27 Nov, 14:00".</summary>
    public static string When(DateTime at) => at.ToString("dddd d MMM, HH:mm", Culture);

    /// <summary>"Monday 1 February 2027".</summary>
    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"36 hours" or "2 days 4 hours".</summary>
    public static string Duration(decimal hours)
    {
        var whole = (int)Math.Floor(hours);
        return whole < 48 ? $"{whole} hour{(whole == 1 ? "" : "s")}" : $"{whole / 24} days" + (whole % 24 > 0 ? $" {whole % 24} h" : "");
    }
}
