using Microsoft.AspNetCore.Http.HttpResults;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Web.Api;

namespace Stratum.Web.Components.Pages.Staff;

/// <summary>What the staff pages share: the patient look-up of the API, and a real 404 when it finds nothing.</summary>
public static class StaffPages
{
    /// <summary>The patient's record by the same look-up, clinic scope and audit (read or not-found) as GET /api/patients/{id}; null answers 404.</summary>
    public static async Task<PatientsApi.PatientDetail?> PatientOrNotFoundAsync(Guid id, HttpContext http, StratumDbContext db, AuditTrail audit)
    {
        var result = await PatientsApi.GetAsync(id, http, db, audit, http.RequestAborted);
        if (result.Result is Ok<PatientsApi.PatientDetail> { Value: { } detail })
        {
            return detail;
        }

        NotFound(http);
        return null;
    }

    /// <summary>
    /// 404 with the page as the body. Set just before the headers go out: a 404 set during rendering makes Blazor
    /// leave the body empty for a not-found page, and the status-code page would then answer with JSON.
    /// </summary>
    public static void NotFound(HttpContext http)
    {
        var response = http.Response;
        response.OnStarting(() =>
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
