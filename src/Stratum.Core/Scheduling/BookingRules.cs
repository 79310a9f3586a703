using System.Globalization;
using Stratum.Core.Knowledge;
using Stratum.Core.Planning;
using Stratum.Core.Records;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Scheduling;

/// <summary>What booking an appointment checks, gathered by the server from the patient's record and the book.</summary>
/// <param name="Date">The appointment's day in the clinic's time zone.</param>
/// <param name="Treatment">False for a consultation (no indication and no zones): the treatment gates do not apply to it.</param>
/// <param name="Indication">The appointment's indication; when null, the latest screening's.</param>
/// <param name="PreviousSessions">Days of the patient's sessions already recorded.</param>
/// <param name="OtherTreatments">Days of the patient's other booked (or arrived) treatment appointments.</param>
public sealed record BookingCheck(
    DateOnly Date,
    bool Treatment,
    Indication? Indication,
    LastScreening? Screening,
    IReadOnlyList<DateOnly> PreviousSessions,
    IReadOnlyList<DateOnly> OtherTreatments,
    ConsentOnFile Consent);

/// <summary>A refusal or warning of a booking; <see cref="NotBefore"/> is the earliest day that would pass, when there is one.</summary>
public sealed record BookingFinding(string Rule, string Message, DateOnly? NotBefore, IReadOnlyList<string> Sources);

/// <summary>Refusals stop the booking unless a reason to override is given; warnings are kept on the appointment.</summary>
public sealed record BookingDecision(IReadOnlyList<BookingFinding> Refusals, IReadOnlyList<BookingFinding> Warnings);

/// <summary>
/// The session gates applied when an appointment is booked or moved (DESIGN §5), so that a clinic does not book a visit
/// the session rules would refuse on the day: the healing interval against past sessions and other booked treatments,
/// and the latest screening's verdict and earliest date. A missing screening or consent is only a warning, since both
/// can be done at the visit. Rules and texts: knowledge/records.json <c>bookingRules</c>.
/// </summary>
public sealed class BookingRules(KnowledgeBase knowledge)
{
    public const string Interval = "CI-INTERVAL";
    public const string ScreeningVerdict = "AP-SCREENING-VERDICT";
    public const string NoScreening = "AP-NO-SCREENING";
    public const string NoConsent = "AP-NO-CONSENT";
    public const string ClinicianBusy = "AP-CLINICIAN-BUSY";

    /// <summary>The rule codes this class fills in; knowledge/records.json must define each.</summary>
    public static readonly IReadOnlyList<string> Codes = [Interval, ScreeningVerdict, NoScreening, NoConsent, ClinicianBusy];

    public BookingDecision Check(BookingCheck check)
    {
        if (!check.Treatment)
        {
            return new BookingDecision([], []);
        }

        var refusals = new List<BookingFinding>();
        var screening = check.Screening;
        var minimum = knowledge.Planning.MinimumIntervalDays(Setting.Clinic, check.Indication ?? screening?.Intake.Indication, null);
        var days = minimum.ToString(CultureInfo.InvariantCulture);

        // The nearest treatment on each side decides; one refusal names it.
        var before = check.PreviousSessions.Concat(check.OtherTreatments).Where(d => d <= check.Date && d.AddDays(minimum) > check.Date).DefaultIfEmpty().Max();
        if (before != default)
        {
            refusals.Add(Finding(Interval, before.AddDays(minimum), ("date", Iso(before)), ("days", days)));
        }

        var after = check.OtherTreatments.Where(d => d > check.Date && check.Date.AddDays(minimum) > d).DefaultIfEmpty().Min();
        if (after != default)
        {
            refusals.Add(Finding(Interval, null, ("date", Iso(after)), ("days", days)));
        }

        if (screening is not null && Blocks(screening, check.Date) is { } when)
        {
            refusals.Add(Finding(ScreeningVerdict, screening.Verdict == Verdict.Defer ? screening.NotBefore : null,
                ("screened", Iso(screening.Date)), ("verdict", Vocabulary.Codes.Of(screening.Verdict)), ("when", when)));
        }

        return new BookingDecision(refusals, Warnings(check.Date, screening?.Date, check.Consent));
    }

    /// <summary>
    /// The warnings of a treatment on <paramref name="date"/>: no screening that will still count that day (the latest
    /// was on <paramref name="lastScreened"/>), no consent to the current form yet. The book shows them until they are resolved.
    /// </summary>
    public IReadOnlyList<BookingFinding> Warnings(DateOnly date, DateOnly? lastScreened, ConsentOnFile consent)
    {
        var warnings = new List<BookingFinding>();
        var valid = knowledge.Records.ScreeningValidDays;
        if (lastScreened is not { } screened || !knowledge.Records.ScreeningCounts(screened, date))
        {
            warnings.Add(Finding(NoScreening, null, ("date", Iso(date)), ("days", valid.ToString(CultureInfo.InvariantCulture))));
        }

        if (!consent.IsCurrent)
        {
            warnings.Add(Finding(NoConsent, null, ("current", consent.CurrentVersion)));
        }

        return warnings;
    }

    /// <summary>A clinician's other appointment overlapping the new one: no override lifts it.</summary>
    public BookingFinding Busy(DateTimeOffset start, DateTimeOffset end) =>
        Finding(ClinicianBusy, null, ("start", start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), ("end", end.ToString("HH:mm", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Why the screening's verdict stops a booking on <paramref name="date"/> ("until …", "at all"), or null. A deferral
    /// without an earliest date (until a condition resolves) stops every booking: nobody knows it will have resolved.
    /// </summary>
    private string? Blocks(LastScreening screening, DateOnly date) => screening.Verdict switch
    {
        Verdict.Defer when screening.NotBefore is { } notBefore => notBefore > date ? $"before {Iso(notBefore)}" : null,
        Verdict.Defer => "until what it found has resolved and the patient is screened again",
        _ when knowledge.Records.BlockingVerdicts.Contains(screening.Verdict) => "until a doctor has seen the patient and the patient is screened again",
        _ => null,
    };

    private BookingFinding Finding(string code, DateOnly? notBefore, params (string Name, string Value)[] values)
    {
        var rule = knowledge.Records.BookingRules.First(r => r.Code == code);
        return new BookingFinding(code, rule.Fill(values), notBefore, rule.Sources);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
