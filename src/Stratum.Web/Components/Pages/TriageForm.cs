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

        var symptoms = Enum.GetValues<Symptom>()
            .Where(s => Symptoms.GetValueOrDefault(Codes.Of(s)) == "yes")
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

/// <summary>
/// The phases of wound healing shown on the triage page. General wound-healing biology, for orientation only;
/// the urgency itself comes from the triage rules (knowledge/triage.json).
/// </summary>
public sealed record HealingPhase(string Name, string Span, decimal FromHours, decimal? UntilHours, string WhatHappens)
{
    public static readonly IReadOnlyList<HealingPhase> All =
    [
        new("Inflammation", "first 3 days", 0m, 72m, "Redness, warmth, mild swelling and tightness, like a sunburn. Settles day by day."),
        new("Proliferation", "day 3 to week 3", 72m, 504m, "New skin forms: dryness, flaking and some itch are normal. Redness should fade."),
        new("Remodelling", "week 3 onwards, for months", 504m, null, "Collagen rebuilds slowly under calm-looking skin. Results show over months."),
    ];

    public bool Contains(decimal hours) => hours >= FromHours && (UntilHours is not { } until || hours < until);
}
