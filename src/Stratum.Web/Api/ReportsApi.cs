using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Reports;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Identity;
using Stratum.Data.Reports;
using Stratum.Web.Hosting;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>
/// The clinic's reports (DESIGN §5): adverse events per 100 sessions by lot, device or clinician, and CSV exports of the
/// sessions, the adverse events and the audit trail. For the clinic-admin; every report and export is audited.
/// </summary>
public static class ReportsApi
{
    // A name typed as "=HYPERLINK(…)" must stay text in a spreadsheet.
    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.ClinicAdmin);
        api.MapGet("/adverse-events", RatesAsync).WithName("AdverseEventRates")
            .WithSummary("Adverse events per 100 sessions: ?from= ?to= (days yyyy-MM-dd; the last 90 days by default, at most 366), ?by= lot, device or clinician; Accept: text/csv or ?format=csv for CSV.");
        api.MapGet("/sessions.csv", SessionsCsvAsync).WithName("SessionsCsv").WithSummary("The sessions of ?from= ?to= as CSV.");
        api.MapGet("/adverse-events.csv", AdverseEventsCsvAsync).WithName("AdverseEventsCsv").WithSummary("The adverse events of ?from= ?to= as CSV.");
        api.MapGet("/audit.csv", AuditCsvAsync).WithName("AuditCsv").WithSummary("The clinic's whole audit trail as CSV, in sequence order.");
        return app;
    }

    public sealed record RateReport(DateOnly From, DateOnly To, ReportGrouping By, IReadOnlyList<RateRow> Groups, RateRow Total, int UnlinkedAdverseEvents);

    public static async Task<Results<Ok<RateReport>, EmptyHttpResult, ValidationProblem>> RatesAsync(
        string? from, string? to, string? by, string? format, HttpContext http, StratumDbContext db, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var (first, last) = SafetyApi.SignalPeriod(from, to, time.Today(), errors);
        var grouping = ReportGrouping.Lot;
        if (by is not null && !Codes.TryParse(by, out grouping))
        {
            errors.Add(new InputError("by", "must be lot, device or clinician"));
        }

        if (format is not null and not "csv" and not "json")
        {
            errors.Add(new InputError("format", "must be csv or json"));
        }

        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var clinic = Requests.ClinicOf(http.User)!.Value;
        var names = await db.NamesAsync(clinic, ct);
        var report = await ClinicReports.AdverseEventRatesAsync(db, first, last, grouping, id => names.GetValueOrDefault(id, id), ct);
        var csv = format == "csv" || (format is null && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        await audit.AuditNowAsync(http, clinic, csv ? AuditAction.Export : AuditAction.Read, "report-adverse-events:" + Codes.Of(grouping), $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}", null, AuditOutcome.Success, ct);
        if (!csv)
        {
            return TypedResults.Ok(new RateReport(first, last, grouping, report.Rows, report.Total, report.UnlinkedAdverseEvents));
        }

        await WriteAsync(http, $"adverse-events-by-{Codes.Of(grouping)}-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv", ["group", "sessions", "adverse_events", "rate_per_100_sessions"],
            report.Rows.Append(report.Total).ToAsyncEnumerable(), (w, r) =>
            {
                w.WriteField(r.Group);
                w.WriteField(r.Sessions);
                w.WriteField(r.AdverseEvents);
                w.WriteField(r.RatePer100.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            }, ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> SessionsCsvAsync(
        string? from, string? to, HttpContext http, StratumDbContext db, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var (first, last) = SafetyApi.SignalPeriod(from, to, time.Today(), errors);
        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var clinic = Requests.ClinicOf(http.User)!.Value;
        var names = await db.NamesAsync(clinic, ct);
        await audit.AuditNowAsync(http, clinic, AuditAction.Export, "sessions-csv", $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}", null, AuditOutcome.Success, ct);
        await WriteAsync(http, $"sessions-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv",
            ["session_date", "session_id", "patient_id", "family_name", "given_name", "lot", "lot_expiry", "device", "clinician", "zones"],
            ClinicReports.SessionsAsync(db, first, last), (w, s) =>
            {
                w.WriteField(s.Date, "yyyy-MM-dd");
                w.WriteField(s.SessionId, "D");
                w.WriteField(s.PatientId, "D");
                w.WriteField(s.FamilyName);
                w.WriteField(s.GivenName);
                w.WriteField(s.Lot);
                w.WriteField(s.LotExpiry, "yyyy-MM-dd");
                w.WriteField(s.Device);
                w.WriteField(names.GetValueOrDefault(s.OperatorId, s.OperatorId));
                w.WriteField(s.Zones);
            }, ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> AdverseEventsCsvAsync(
        string? from, string? to, HttpContext http, StratumDbContext db, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var (first, last) = SafetyApi.SignalPeriod(from, to, time.Today(), errors);
        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var clinic = Requests.ClinicOf(http.User)!.Value;
        var names = await db.NamesAsync(clinic, ct);
        await audit.AuditNowAsync(http, clinic, AuditAction.Export, "adverse-events-csv", $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}", null, AuditOutcome.Success, ct);
        await WriteAsync(http, $"adverse-events-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv",
            ["occurred_on", "event_id", "patient_id", "family_name", "given_name", "triage_urgency", "session_id", "lot", "device", "clinician", "resolved_on", "outcome"],
            ClinicReports.AdverseEventsAsync(db, first, last), (w, e) =>
            {
                w.WriteField(e.OccurredOn, "yyyy-MM-dd");
                w.WriteField(e.Id, "D");
                w.WriteField(e.PatientId, "D");
                w.WriteField(e.FamilyName);
                w.WriteField(e.GivenName);
                w.WriteField(Codes.Of(e.Urgency));
                w.WriteField(e.SessionId?.ToString("D"));
                w.WriteField(e.Lot);
                w.WriteField(e.Device);
                w.WriteField(e.OperatorId is null ? null : names.GetValueOrDefault(e.OperatorId, e.OperatorId));
                w.WriteField(e.ResolvedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteField(e.Outcome);
            }, ct);
        return TypedResults.Empty;
    }

    public static async Task<EmptyHttpResult> AuditCsvAsync(HttpContext http, StratumDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var names = await db.NamesAsync(clinic, ct);
        await audit.AuditNowAsync(http, clinic, AuditAction.Export, "audit-csv", null, null, AuditOutcome.Success, ct);
        await WriteAsync(http, "audit-trail.csv", ["sequence", "at_utc", "user", "action", "entity", "entity_id", "patient_id", "outcome", "client_address", "hash", "previous_hash"],
            ClinicReports.AuditAsync(db), (w, e) =>
            {
                w.WriteField(e.Sequence);
                w.WriteField(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteField(e.UserId is null ? "anonymous" : names.GetValueOrDefault(e.UserId, e.UserId));
                w.WriteField(Codes.Of(e.Action));
                w.WriteField(e.Entity);
                w.WriteField(e.EntityId);
                w.WriteField(e.PatientId?.ToString("D"));
                w.WriteField(Codes.Of(e.Outcome));
                w.WriteField(e.ClientAddress);
                w.WriteField(e.Hash);
                w.WriteField(e.PreviousHash);
            }, ct);
        return TypedResults.Empty;
    }

    /// <summary>Writes the rows as CSV to the response as they are read, with a header and a download name.</summary>
    private static async Task WriteAsync<T>(HttpContext http, string fileName, string[] header, IAsyncEnumerable<T> rows, Action<CsvWriter, T> write, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = CsvWriter.Create(http.Response.Body, Csv, leaveOpen: true);
        csv.WriteHeader(header);
        await foreach (var row in rows.WithCancellation(ct))
        {
            write(csv, row);
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }
}
