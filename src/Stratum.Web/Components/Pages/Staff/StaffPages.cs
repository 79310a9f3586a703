using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Web.Api;

namespace Stratum.Web.Components.Pages.Staff;

/// <summary>What the staff pages share: the patient look-up of the API, the latest plan, a lot's state, and real 404 and 403 answers.</summary>
public static class StaffPages
{
    /// <summary>The patient's record by the same look-up, clinic scope and audit (read or not-found) as GET /api/patients/{id}; null answers 404.</summary>
    public static async Task<PatientsApi.PatientDetail?> PatientOrNotFoundAsync(Guid id, HttpContext http, StratumDbContext db, AuditTrail audit)
    {
        var result = await PatientsApi.GetAsync(id, http, db, audit, http.RequestServices.GetRequiredService<Core.Knowledge.KnowledgeBase>(), http.RequestAborted);
        if (result.Result is Ok<PatientsApi.PatientDetail> { Value: { } detail })
        {
            return detail;
        }

        NotFound(http);
        return null;
    }

    /// <summary>Whether the patient's latest consent (the record lists them newest first) agrees to photographs.</summary>
    public static bool PhotoConsent(PatientsApi.PatientDetail patient) => patient.Consents is [var latest, ..] && latest.PhotoConsent;

    /// <summary>The patient's latest stored plan with its indication; null when none is stored.</summary>
    public static (Indication Indication, Core.Planning.Plan Plan)? LatestPlan(PatientsApi.PatientDetail patient) =>
        patient.Plans.MaxBy(x => x.CreatedAt) is { } stored && stored.Plan.Deserialize(Core.Json.StratumJson.Default.Plan) is { } plan
            ? (stored.Indication, plan)
            : null;

    /// <summary>Whether a session may be recorded with the lot on <paramref name="today"/>: not recalled, not expired.</summary>
    public static bool IsUsable(LotsApi.LotView lot, DateOnly today) => lot.RecalledAt is null && lot.Expiry >= today;

    /// <summary>A lot's state in words, with a symbol so that it never depends on colour alone.</summary>
    public static (string Symbol, string Words, string Css) Status(LotsApi.LotView lot, DateOnly today) =>
        lot.RecalledAt is { } at ? ("✕", $"Recalled on {StaffCharts.Iso(DateOnly.FromDateTime(at.UtcDateTime))}: {lot.RecallReason}", "stop")
        : !IsUsable(lot, today) ? ("✕", "Expired — do not use", "stop")
        : ("✓", "Usable", "good");

    /// <summary>The staff users' names (their sign-in email) by user id; an id that is no user stays as it is.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(StratumDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);
    }

    /// <summary>404 with the page as the body.</summary>
    public static void NotFound(HttpContext http) => AnswerWithPage(http, StatusCodes.Status404NotFound);

    /// <summary>403 with the page as the body.</summary>
    public static void Forbidden(HttpContext http) => AnswerWithPage(http, StatusCodes.Status403Forbidden);

    /// <summary>
    /// Set just before the headers go out: a 404 set during rendering makes Blazor leave the body empty for a
    /// not-found page, and the status-code page would then answer with JSON.
    /// </summary>
    private static void AnswerWithPage(HttpContext http, int status)
    {
        var response = http.Response;
        response.OnStarting(() =>
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
