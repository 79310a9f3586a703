using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Knowledge;
using Stratum.Core.Records;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>Safety signals (clusters of adverse events) and the audit trail with its hash-chain check.</summary>
public static class SafetyApi
{
    public static IEndpointRouteBuilder MapSafetyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/signals", SignalsAsync).WithTags("Safety").WithName("SafetySignals").RequireAuthorization(Policies.ClinicalLead)
            .WithSummary("Clusters: two or more infection or granuloma events within 21 days that share a lot, a device or an operator.");
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.ClinicAdmin);
        audit.MapGet("/", TrailAsync).WithName("AuditTrail").WithSummary("The clinic's audit trail, newest first (?before= a sequence, ?take= up to 500).");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAuditTrail").WithSummary("Recompute the hash chain; reports the first broken link.");
        return app;
    }

    public sealed record AuditView(long Sequence, DateTimeOffset At, string? UserId, AuditAction Action, string Entity, string? EntityId, Guid? PatientId, AuditOutcome Outcome, string? ClientAddress, string Hash);

    public static async Task<Ok<IReadOnlyList<SafetySignal>>> SignalsAsync(StratumDbContext db, KnowledgeBase knowledge, CancellationToken ct)
    {
        var events = await (
            from e in db.AdverseEvents.AsNoTracking()
            join s in db.Sessions.AsNoTracking() on e.SessionId equals s.Id into sessions
            from s in sessions.DefaultIfEmpty()
            select new { Event = e, Session = s }).ToListAsync(ct);
        var facts = events.Select(x => new AdverseEventFacts(
            x.Event.Id, x.Event.PatientId, x.Event.OccurredOn, [.. x.Event.Symptoms.Select(s => s.Symptom)],
            x.Session?.LotNumber, x.Session is null ? null : $"{x.Session.Device.Make} {x.Session.Device.Model}", x.Session?.OperatorId));
        return TypedResults.Ok(new SafetySignals(knowledge).Find(facts));
    }

    public static async Task<Ok<List<AuditView>>> TrailAsync(long? before, int? take, StratumDbContext db, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (before is { } b)
        {
            query = query.Where(e => e.Sequence < b);
        }

        var entries = await query.OrderByDescending(e => e.Sequence).Take(Math.Clamp(take ?? 100, 1, 500))
            .Select(e => new AuditView(e.Sequence, e.At, e.UserId, e.Action, e.Entity, e.EntityId, e.PatientId, e.Outcome, e.ClientAddress, e.Hash))
            .ToListAsync(ct);
        return TypedResults.Ok(entries);
    }

    public static async Task<Ok<AuditVerification>> VerifyAsync(HttpContext http, AuditTrail audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(Requests.ClinicOf(http.User)!.Value, ct));
}
