using System.Globalization;
using Stratum.Core.Knowledge;
using Stratum.Core.Planning;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Records;

public sealed record SessionZone(Zone Zone, decimal DepthMm, int Passes);

/// <summary>The patient's latest screening as stored: when, the verdict, its earliest date and the intake it read.</summary>
public sealed record LastScreening(DateOnly Date, Verdict Verdict, DateOnly? NotBefore, Intake Intake);

/// <summary>The patient's consent as the session and booking rules see it: the form version last signed, and the clinic's current one.</summary>
/// <param name="SignedVersion">The version of the patient's latest signed consent; null when there is none.</param>
public sealed record ConsentOnFile(string? SignedVersion, string CurrentVersion)
{
    public bool IsCurrent => SignedVersion == CurrentVersion;
}

/// <summary>The cartridge lot of a session as the clinic knows it.</summary>
/// <param name="Registered">Whether the clinic registered the lot; an unregistered lot is one a recall could not find.</param>
public sealed record LotState(string Number, DateOnly Expiry, DateTimeOffset? RecalledAt = null, string? RecallReason = null, bool Registered = true);

/// <summary>Everything the session rules look at, gathered by the server from the patient's record.</summary>
/// <param name="Indication">The session's indication; when null, the screening's.</param>
/// <param name="PreviousSessions">Dates of the patient's earlier sessions.</param>
public sealed record SessionCheck(
    DateOnly Date,
    Indication? Indication,
    IReadOnlyList<SessionZone> Zones,
    LastScreening? Screening,
    IReadOnlyList<DateOnly> PreviousSessions,
    LotState Lot,
    ConsentOnFile Consent);

/// <summary>Why a session may not be recorded; <see cref="NotBefore"/> is the earliest allowed date when there is one (inclusive).</summary>
public sealed record SessionRefusal(string Rule, string Message, DateOnly? NotBefore, IReadOnlyList<string> Sources);

/// <summary>
/// The rules a clinic server enforces before it records a session (knowledge/records.json): a recent screening that
/// allows treatment, the healing interval, depths inside the plan's envelope, a lot the clinic registered, in date and not recalled, consent to the clinic's current form.
/// </summary>
public sealed class SessionRules(KnowledgeBase knowledge)
{
    /// <summary>The rule codes this class fills in; knowledge/records.json must define each.</summary>
    public static readonly IReadOnlyList<string> Codes =
        ["SE-NO-SCREENING", "SE-SCREENING-VERDICT", "SE-INTERVAL", "SE-ENVELOPE", "SE-LOT-UNKNOWN", "SE-LOT-EXPIRED", "SE-LOT-RECALLED", "SE-NO-CONSENT", "SE-CONSENT-OUTDATED"];

    public IReadOnlyList<SessionRefusal> Check(SessionCheck check)
    {
        var records = knowledge.Records;
        var refusals = new List<SessionRefusal>();
        var screening = check.Screening;
        if (screening is null || !records.ScreeningCounts(screening.Date, check.Date))
        {
            refusals.Add(Refuse("SE-NO-SCREENING", null, ("days", records.ScreeningValidDays.ToString(CultureInfo.InvariantCulture))));
        }
        else if (records.BlockingVerdicts.Contains(screening.Verdict))
        {
            refusals.Add(Refuse("SE-SCREENING-VERDICT", screening.Verdict == Verdict.Defer ? screening.NotBefore : null, ("verdict", Vocabulary.Codes.Of(screening.Verdict))));
        }

        var indication = check.Indication ?? screening?.Intake.Indication;
        var minimum = knowledge.Planning.MinimumIntervalDays(Setting.Clinic, indication, null);
        var previous = check.PreviousSessions.Where(d => d <= check.Date).DefaultIfEmpty().Max();
        if (previous != default && check.Date < previous.AddDays(minimum))
        {
            refusals.Add(Refuse("SE-INTERVAL", previous.AddDays(minimum), ("days", minimum.ToString(CultureInfo.InvariantCulture))));
        }

        if (screening is not null && indication is not null)
        {
            var plan = new Planner(knowledge).Plan(screening.Intake with
            {
                Setting = Setting.Clinic,
                Date = check.Date,
                Indication = indication,
                Zones = [.. check.Zones.Select(z => z.Zone).Distinct()],
            });
            foreach (var zone in check.Zones)
            {
                var max = plan.Zones.FirstOrDefault(p => p.Zone == zone.Zone)?.DepthMm.Max ?? 0m;
                if (zone.DepthMm > max)
                {
                    refusals.Add(Refuse("SE-ENVELOPE", null, ("zone", Vocabulary.Codes.Of(zone.Zone)), ("depth", Mm(zone.DepthMm)), ("max", Mm(max))));
                }
            }
        }

        if (!check.Lot.Registered)
        {
            refusals.Add(Refuse("SE-LOT-UNKNOWN", null, ("lot", check.Lot.Number)));
        }

        if (check.Lot.Expiry < check.Date)
        {
            refusals.Add(Refuse("SE-LOT-EXPIRED", null, ("lot", check.Lot.Number), ("expiry", check.Lot.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }

        if (check.Lot.RecalledAt is not null)
        {
            refusals.Add(Refuse("SE-LOT-RECALLED", null, ("lot", check.Lot.Number), ("reason", check.Lot.RecallReason ?? "no reason given")));
        }

        var consent = check.Consent;
        if (consent.SignedVersion is null)
        {
            refusals.Add(Refuse("SE-NO-CONSENT", null, ("current", consent.CurrentVersion)));
        }
        else if (!consent.IsCurrent)
        {
            refusals.Add(Refuse("SE-CONSENT-OUTDATED", null, ("signed", consent.SignedVersion), ("current", consent.CurrentVersion)));
        }

        return refusals;
    }

    private SessionRefusal Refuse(string code, DateOnly? notBefore, params (string Name, string Value)[] values)
    {
        var rule = knowledge.Records.SessionRules.First(r => r.Code == code);
        return new SessionRefusal(code, rule.Fill(values), notBefore, rule.Sources);
    }

    private static string Mm(decimal mm) => mm.ToString("0.0#", CultureInfo.InvariantCulture);
}
