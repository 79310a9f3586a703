using Stratum.Core.Triage;
using Stratum.Core.Vocabulary;

namespace Stratum.Web.Components.Pages;

/// <summary>The triage form as typed: time since treatment with its unit, and per symptom code a tick, a trend and a severity.</summary>
public sealed class TriageForm
{
    public string? Setting { get; set; }

    public string? Since { get; set; }

    /// <summary>"hours" or "days".</summary>
    public string? Unit { get; set; }

    public Dictionary<string, string> Symptoms { get; set => field = value ?? []; } = [];

    public Dictionary<string, string> Trends { get; set => field = value ?? []; } = [];

    public Dictionary<string, string> Severities { get; set => field = value ?? []; } = [];

    public TriageRequest? ToRequest(Dictionary<string, string> errors)
    {
        var hours = 0m;
        if (string.IsNullOrWhiteSpace(Since))
        {
            errors["since"] = "Give how long ago your treatment was.";
        }
        else if (!FormValues.TryDecimal(Since, out var amount) || (hours = Unit == "days" ? amount * 24 : amount) > TriageRequest.MaxHours)
        {
            errors["since"] = "Give a number of hours or days, for example 36 hours or 3 days.";
        }

        var symptoms = FormValues.Ticked<Symptom>(Symptoms)
            .Select(s => new ReportedSymptom(
                s,
                Codes.TryParse<Trend>(Trends.GetValueOrDefault(Codes.Of(s)), out var trend) ? trend : null,
                Codes.TryParse<Severity>(Severities.GetValueOrDefault(Codes.Of(s)), out var severity) ? severity : null))
            .ToList();
        if (symptoms.Count == 0)
        {
            errors["symptoms"] = "Tick at least one thing you notice.";
        }

        var setting = Setting == "home" ? Core.Vocabulary.Setting.Home : Core.Vocabulary.Setting.Clinic;
        return errors.Count > 0 ? null : new TriageRequest(setting, hours, symptoms);
    }
}
