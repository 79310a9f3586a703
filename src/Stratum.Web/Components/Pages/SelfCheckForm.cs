using Stratum.Core.Knowledge;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Web.Components.Pages;

/// <summary>
/// The self-check form as typed: every field a string, so that bad input is shown back unchanged with its message.
/// Dictionaries are keyed by vocabulary code; an empty value means "no".
/// </summary>
public sealed class SelfCheckForm
{
    public string? Setting { get; set; }

    public string? Date { get; set; }

    public string? Age { get; set; }

    public string? Needle { get; set; }

    public Dictionary<string, string> Conditions { get; set => field = value ?? []; } = [];

    /// <summary>"current" or "stopped".</summary>
    public Dictionary<string, string> Medications { get; set => field = value ?? []; } = [];

    public Dictionary<string, string> LastDoses { get; set => field = value ?? []; } = [];

    public Dictionary<string, string> Procedures { get; set => field = value ?? []; } = [];

    /// <summary>"yes" for a ticked allergy.</summary>
    public Dictionary<string, string> Allergies { get; set => field = value ?? []; } = [];

    /// <summary>
    /// The intake, or null with a message per field id in <paramref name="errors"/>. A condition answer that is not a status
    /// the condition can have (a crafted "controlled" for pregnancy, or a word the form never offers) is an error, not "no".
    /// </summary>
    public Intake? ToIntake(DateOnly today, ScreeningTerms terms, Dictionary<string, string> errors)
    {
        var date = today;
        if (string.IsNullOrWhiteSpace(Date))
        {
            errors["date"] = "Give the planned date of the treatment.";
        }
        else if (!FormValues.TryDate(Date, out date))
        {
            errors["date"] = "Give the planned date as a date, for example 2026-12-01.";
        }
        else if (date < today)
        {
            errors["date"] = "The planned date is in the past; give today or a later day.";
        }

        int? age = null;
        if (!string.IsNullOrWhiteSpace(Age))
        {
            if (int.TryParse(Age.Trim(), System.Globalization.NumberStyles.None, PlainWords.Culture, out var years) && years <= 130)
            {
                age = years;
            }
            else
            {
                errors["age"] = "Give your age in whole years, for example 34.";
            }
        }

        DeviceSpec? device = null;
        if (!string.IsNullOrWhiteSpace(Needle))
        {
            if (FormValues.TryDecimal(Needle, out var mm) && mm > 0 && mm <= DeviceSpec.MaxNeedleLengthMm)
            {
                device = new DeviceSpec(NeedleLengthMm: mm);
            }
            else
            {
                errors["needle"] = $"Give the needle length in millimetres, more than 0 and at most {DeviceSpec.MaxNeedleLengthMm} (for example 0.5).";
            }
        }

        var conditions = new List<ConditionEntry>();
        foreach (var condition in Enum.GetValues<Condition>())
        {
            var answer = Conditions.GetValueOrDefault(Codes.Of(condition));
            if (string.IsNullOrWhiteSpace(answer))
            {
                continue;
            }

            if (Codes.TryParse<ConditionStatus>(answer, out var status) && terms.StatusProblem(condition, status) is null)
            {
                conditions.Add(new ConditionEntry(condition, status));
            }
            else
            {
                errors[$"condition-{Codes.Of(condition)}"] =
                    $"Choose one of the answers offered: {string.Join(", ", terms.StatusesOf(condition).Select(PlainWords.StatusAnswer))}, or No.";
            }
        }

        var medications = new List<MedicationEntry>();
        foreach (var medication in Enum.GetValues<Medication>())
        {
            var code = Codes.Of(medication);
            var field = $"last-dose-{code}";
            var lastDoseText = LastDoses.GetValueOrDefault(code);
            var answer = Medications.GetValueOrDefault(code);
            if (answer == "current")
            {
                medications.Add(new MedicationEntry(medication));
            }
            else if (answer == "stopped")
            {
                if (string.IsNullOrWhiteSpace(lastDoseText))
                {
                    errors[field] = "You said you stopped: give the last day you took or used it.";
                }
                else if (!FormValues.TryDate(lastDoseText, out var lastDose))
                {
                    errors[field] = "Give the last day as a date, for example 2026-08-01.";
                }
                else if (lastDose > date)
                {
                    errors[field] = "This day is after the planned treatment date.";
                }
                else
                {
                    medications.Add(new MedicationEntry(medication, lastDose));
                }
            }
        }

        var procedures = new List<ProcedureEntry>();
        foreach (var procedure in Enum.GetValues<Procedure>())
        {
            var code = Codes.Of(procedure);
            var text = Procedures.GetValueOrDefault(code);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!FormValues.TryDate(text, out var when))
            {
                errors[$"procedure-{code}"] = "Give the date, for example 2026-11-01.";
            }
            else if (when > date)
            {
                errors[$"procedure-{code}"] = "This date is after the planned treatment date.";
            }
            else
            {
                procedures.Add(new ProcedureEntry(procedure, when));
            }
        }

        var allergies = FormValues.Ticked<Allergy>(Allergies);
        var setting = Setting == "home" ? Core.Vocabulary.Setting.Home : Core.Vocabulary.Setting.Clinic;
        return errors.Count > 0 ? null : new Intake(setting, date, age, Conditions: conditions, Medications: medications, Allergies: allergies, Procedures: procedures, Device: device);
    }
}

/// <summary>Reading typed form values: ISO dates and times as browsers send them, numbers with a dot or a comma.</summary>
public static class FormValues
{
    /// <summary>The codes whose checkbox was ticked: a form posts <c>Name[code]=yes</c> for each.</summary>
    public static List<T> Ticked<T>(Dictionary<string, string> answers) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(value => answers.GetValueOrDefault(Codes.Of(value)) == "yes")];

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", PlainWords.Culture, System.Globalization.DateTimeStyles.None, out date);

    public static bool TryDateTime(string? text, out DateTime at) =>
        DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], PlainWords.Culture, System.Globalization.DateTimeStyles.None, out at);

    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, PlainWords.Culture, out value);
}
