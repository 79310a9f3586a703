using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Infrastructure;
using Stratum.Data.Lots;
using Stratum.Web.Hosting;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>Cartridge lots: register, list, "who was treated with lot X", recall.</summary>
public static class LotsApi
{
    public static IEndpointRouteBuilder MapLotsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/lots").WithTags("Lots");
        api.MapGet("/", ListAsync).WithName("ListLots").RequireAuthorization(Policies.ClinicMember).WithSummary("The clinic's cartridge lots with expiry and recall.");
        api.MapPost("/", RegisterAsync).WithName("RegisterLot").RequireAuthorization(Policies.ClinicalLead).WithSummary("Register a lot: { lotNumber, product, expiry }.");
        api.MapGet("/{lot}/sessions", SessionsAsync).WithName("LotSessions").RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Every session and patient that used the lot, for a recall: paged (?page=, ?pageSize= 1–500, default 100), or all of them as CSV with Accept: text/csv or ?format=csv.");
        api.MapPost("/{lot}/recall", RecallAsync).WithName("RecallLot").RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Mark the lot recalled ({ reason }): it can no longer be used; answers the first page of whom to contact.");
        return app;
    }

    /// <param name="Warning">Set when a lot is registered already expired: it is on record for a recall, but no session may use it.</param>
    public sealed record LotView(string LotNumber, string Product, DateOnly Expiry, DateTimeOffset? RecalledAt, string? RecallReason, Guid Version, string? Warning = null);

    public sealed record RecallResult(LotView Lot, RecallPage Contact);

    public const int DefaultRecallPageSize = 100;

    public static async Task<Ok<List<LotView>>> ListAsync(StratumDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Lots.AsNoTracking().OrderBy(l => l.Expiry).ToListAsync(ct)).Select(View).ToList());

    /// <summary>One registered lot of the caller's clinic, or null.</summary>
    public static async Task<LotView?> FindAsync(string lot, StratumDbContext db, CancellationToken ct) =>
        await db.Lots.AsNoTracking().Where(l => l.LotNumber == lot).Select(l => View(l)).FirstOrDefaultAsync(ct);

    public static async Task<Results<Created<LotView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        JsonBody body, HttpContext http, StratumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var input = Requests.ReadObject(body, o =>
        {
            var number = o.Text("lotNumber", Limits.LotNumberLength, required: true)?.Trim();
            var product = o.Text("product", Limits.ShortText, required: true)?.Trim();
            var expiry = o.Date("expiry", required: true);
            if (number is "" || product is "")
            {
                o.Error(number is "" ? "lotNumber" : "product", "is empty");
            }

            return number is null || product is null || expiry is null || o.HasErrors ? null : Lot.Register(clinic, number, product, expiry.Value);
        });
        if (!input.TryGetValue(out var lot))
        {
            return Requests.Invalid(input.Errors);
        }

        if (await db.Lots.AnyAsync(l => l.LotNumber == lot.LotNumber, ct))
        {
            return Requests.Conflict("The lot is already registered.", $"Lot {lot.LotNumber} is already registered in this clinic.");
        }

        db.Lots.Add(lot);
        await db.SaveChangesAsync(ct);
        var warning = lot.Expiry < time.Today()
            ? $"Lot {lot.LotNumber} expired on {lot.Expiry:yyyy-MM-dd}: it is registered so that a recall can find it, but no session can use it."
            : null;
        return TypedResults.Created($"/api/lots/{Uri.EscapeDataString(lot.LotNumber)}/sessions", View(lot) with { Warning = warning });
    }

    public static async Task<Results<Ok<RecallPage>, EmptyHttpResult, ValidationProblem>> SessionsAsync(
        string lot, string? page, string? pageSize, string? format, HttpContext http, StratumDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var errors = new List<InputError>();
        var number = Paging.Number("page", page, 1, int.MaxValue / LotRecall.MaxPageSize, 1, errors);
        var size = Paging.Number("pageSize", pageSize, 1, LotRecall.MaxPageSize, DefaultRecallPageSize, errors);
        if (format is not null and not "csv" and not "json")
        {
            errors.Add(new InputError("format", "must be csv or json"));
        }

        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var csv = format == "csv" || (format is null && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        await audit.AuditNowAsync(http, clinic, AuditAction.Read, csv ? "lot-sessions-csv" : "lot-sessions", lot, null, AuditOutcome.Success, ct);
        if (!csv)
        {
            return TypedResults.Ok(await db.SessionsByLotAsync(clinic, lot, number, size, ct));
        }

        await RecallCsv.WriteAsync(http.Response, lot, db.AllSessionsByLot(clinic, lot), ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<RecallResult>, ValidationProblem, ProblemHttpResult>> RecallAsync(
        string lot, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var registered = await db.Lots.FirstOrDefaultAsync(l => l.LotNumber == lot, ct);
        if (registered is null)
        {
            return Requests.NotFound("lot");
        }

        var input = Requests.ReadObject(body, o => o.Text("reason", Limits.NoteLength, required: true) is { } reason && !string.IsNullOrWhiteSpace(reason)
            ? reason.Trim()
            : Empty(o));
        if (!input.TryGetValue(out var why))
        {
            return Requests.Invalid(input.Errors);
        }

        registered.Recall(time.GetUtcNow(), why);
        var contact = await db.SessionsByLotAsync(clinic, lot, 1, DefaultRecallPageSize, ct);
        audit.Audit(http, clinic, AuditAction.Update, "lot-recall", lot, null);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RecallResult(View(registered), contact));
    }

    private static LotView View(Lot l) => new(l.LotNumber, l.Product, l.Expiry, l.RecalledAt, l.RecallReason, l.Version);

    private static string? Empty(Core.Input.ObjectReader o)
    {
        if (!o.HasErrors)
        {
            o.Error("reason", "a recall needs a reason");
        }

        return null;
    }
}
