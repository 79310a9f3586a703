using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Records;
using Stratum.Data;
using Stratum.Data.AdverseEvents;
using Stratum.Data.Audit;
using Stratum.Web.Hosting;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>Safety signals (clusters of adverse events) and the audit trail with its hash-chain check.</summary>
public static class SafetyApi
{
    public static IEndpointRouteBuilder MapSafetyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/signals", SignalsAsync).WithTags("Safety").WithName("SafetySignals").RequireAuthorization(Policies.ClinicalLead)
            .WithSummary("Clusters: two or more infection or granuloma events within 21 days that share a lot, a device or an operator; ?from=&to= (yyyy-MM-dd, at most 366 days; default the last 90 days).");
        app.MapGet("/api/adverse-events/open", OpenEventsAsync).WithTags("Safety").WithName("OpenAdverseEvents").RequireAuthorization(Policies.ClinicalLead)
            .WithSummary("The clinic's adverse events not yet resolved, the longest open first (?take= up to 200), with how many are open in all.");
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.ClinicAdmin);
        audit.MapGet("/", TrailAsync).WithName("AuditTrail").WithSummary("The clinic's audit trail, newest first (?before= a sequence, ?take= up to 500).");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAuditTrail")
            .WithSummary("Check the hash chain from the newest signed checkpoint (all of it when there is none) and sign a new one at its end; reports the first broken link.");
        audit.MapPost("/verify/full", StartFullVerification).WithName("StartFullAuditVerification")
            .WithSummary("Start re-verifying the whole chain and every checkpoint in the background (202); one job per clinic at a time.");
        audit.MapGet("/verify/full", FullVerification).WithName("FullAuditVerification").WithSummary("Progress and result of the full verification.");
        audit.MapGet("/checkpoints", CheckpointsAsync).WithName("AuditCheckpoints")
            .WithSummary("Every signed checkpoint with the public keys that signed them, to keep elsewhere: a later rewrite of the chain cannot match them.");
        return app;
    }

    public sealed record AuditView(long Sequence, DateTimeOffset At, string? UserId, AuditAction Action, string Entity, string? EntityId, Guid? PatientId, AuditOutcome Outcome, string? ClientAddress, string Hash);

    /// <summary>The default period of <c>/api/signals</c> and its page, and the longest one asked for at once.</summary>
    public const int DefaultSignalDays = 90;
    public const int MaxSignalDays = 366;

    /// <summary>The period of signals asked for, or the errors naming <c>from</c> or <c>to</c>.</summary>
    public static (DateOnly From, DateOnly To) SignalPeriod(string? from, string? to, DateOnly today, List<InputError> errors)
    {
        var end = Paging.Day("to", to, today, errors);
        var start = Paging.Day("from", from, end.AddDays(1 - DefaultSignalDays), errors);
        if (errors.Count == 0 && (start > end || end.DayNumber - start.DayNumber >= MaxSignalDays))
        {
            errors.Add(new InputError("from", $"must be on or before to, and at most {MaxSignalDays} days before it"));
        }

        return (start, end);
    }

    public static async Task<Results<Ok<IReadOnlyList<SafetySignal>>, ValidationProblem>> SignalsAsync(
        string? from, string? to, StratumDbContext db, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var period = SignalPeriod(from, to, time.Today(), errors);
        return errors.Count > 0 ? Requests.Invalid(errors) : TypedResults.Ok(await SignalsInAsync(period.From, period.To, db, knowledge, ct));
    }

    /// <summary>
    /// Clusters with an event in the period. Events up to one cluster window before it are read too, so a cluster that
    /// began just before the period is found whole; the (ClinicId, OccurredOn) index bounds the read.
    /// </summary>
    public static async Task<IReadOnlyList<SafetySignal>> SignalsInAsync(DateOnly from, DateOnly to, StratumDbContext db, KnowledgeBase knowledge, CancellationToken ct)
    {
        var facts = await db.FactsAsync(from.AddDays(-knowledge.Records.Signals.WindowDays), to, ct);
        return [.. new SafetySignals(knowledge).Find(facts).Where(signal => signal.To >= from)];
    }

    public const int MaxOpenEvents = 200;

    public sealed record OpenEvents(int Total, IReadOnlyList<OpenAdverseEvent> Items);

    public static async Task<Results<Ok<OpenEvents>, ValidationProblem>> OpenEventsAsync(string? take, HttpContext http, StratumDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var count = Paging.Number("take", take, 1, MaxOpenEvents, 50, errors);
        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var open = await OpenEventsInAsync(db, count, ct);
        if (open.Items.Count > 0)
        {
            await audit.AuditNowAsync(http, Requests.ClinicOf(http.User)!.Value, AuditAction.Read, "open-adverse-events", null, null, AuditOutcome.Success, ct);
        }

        return TypedResults.Ok(open);
    }

    /// <summary>The open events for the list, and how many there are in all.</summary>
    public static async Task<OpenEvents> OpenEventsInAsync(StratumDbContext db, int take, CancellationToken ct) =>
        new(await db.AdverseEvents.CountAsync(e => e.ResolvedOn == null, ct), await AdverseEventLog.Open(db).Take(take).ToListAsync(ct));

    public static async Task<Ok<List<AuditView>>> TrailAsync(long? before, int? take, StratumDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await AuditTrail.Page(db, before, Math.Clamp(take ?? 100, 1, 500)).ToListAsync(ct))
            .Select(e => new AuditView(e.Sequence, e.At, e.UserId, e.Action, e.Entity, e.EntityId, e.PatientId, e.Outcome, e.ClientAddress, e.Hash)).ToList());

    public static async Task<Ok<AuditVerification>> VerifyAsync(HttpContext http, AuditTrail audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(Requests.ClinicOf(http.User)!.Value, ct));

    public static async Task<Accepted<AuditVerificationJob>> StartFullVerification(HttpContext http, AuditVerificationJobs jobs, StratumDbContext db, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var total = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(ct);
        return TypedResults.Accepted("/api/audit/verify/full", jobs.Start(clinic, total));
    }

    public static Ok<AuditVerificationJob> FullVerification(HttpContext http, AuditVerificationJobs jobs, TimeProvider time)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        return TypedResults.Ok(jobs.Status(clinic) ?? new AuditVerificationJob(clinic, "none", 0, 0, time.GetUtcNow(), null, null, "no full verification was started on this server"));
    }

    public sealed record CheckpointExport(Guid ClinicId, IReadOnlyDictionary<string, string> PublicKeys, IReadOnlyList<CheckpointView> Checkpoints);

    public sealed record CheckpointView(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature);

    public static async Task<Ok<CheckpointExport>> CheckpointsAsync(HttpContext http, AuditTrail audit, IServiceProvider services, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var checkpoints = await audit.CheckpointsAsync(clinic, ct);
        var keys = services.GetService<AuditSigner>()?.PublicKeys ?? new Dictionary<string, string>();
        return TypedResults.Ok(new CheckpointExport(clinic, keys, [.. checkpoints.Select(c => new CheckpointView(c.Sequence, c.Hash, c.At, c.KeyId, c.Signature))]));
    }
}
