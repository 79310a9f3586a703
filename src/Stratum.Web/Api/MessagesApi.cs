using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Messages;
using Stratum.Web.Hosting;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>The outbox (DESIGN §5): what was and will be sent to the clinic's patients, newest due first.</summary>
public static class MessagesApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization(Policies.ClinicMember);
        api.MapGet("/", ListAsync).WithName("ListMessages")
            .WithSummary("The outbox, newest due first: ?patientId=, ?status= (pending, sent, failed, not-sendable), ?page=, ?pageSize= (1–200, default 50). sending is false, with the reason, when no mail server is set up.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetMessage").WithSummary("One message: kind, due time, status, attempts, last error.");
        return app;
    }

    public sealed record MessageView(
        Guid Id,
        Guid PatientId,
        string PatientName,
        MessageKind Kind,
        Guid? AppointmentId,
        Guid? SessionId,
        DateTimeOffset DueAt,
        MessageStatus Status,
        int Attempts,
        string? LastError,
        DateTimeOffset? NextAttemptAt,
        DateTimeOffset? SentAt,
        string? SentTo);

    public sealed record OutboxPage(IReadOnlyList<MessageView> Items, int Page, int PageSize, int Total, bool Sending, string? NotSendingBecause);

    public static async Task<Results<Ok<OutboxPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? patientId, string? status, string? page, string? pageSize, HttpContext http, StratumDbContext db, AuditTrail audit, OutboxSettings settings,
        TimeProvider time, CancellationToken ct)
    {
        var errors = new List<InputError>();
        var number = Paging.Number("page", page, 1, int.MaxValue / MaxPageSize, 1, errors);
        var size = Paging.Number("pageSize", pageSize, 1, MaxPageSize, DefaultPageSize, errors);
        Guid? patient = null;
        if (patientId is not null)
        {
            patient = Guid.TryParse(patientId, out var p) ? p : null;
            if (patient is null)
            {
                errors.Add(new InputError("patientId", "is not a patient id (a GUID)"));
            }
        }

        MessageStatus? wanted = null;
        if (status is not null)
        {
            wanted = Codes.TryParse<MessageStatus>(status, out var s) ? s : null;
            if (wanted is null)
            {
                errors.Add(new InputError("status", $"must be one of {string.Join(", ", Enum.GetValues<MessageStatus>().Select(Codes.Of))}"));
            }
        }

        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        var clinic = Requests.ClinicOf(http.User)!.Value;
        if (patient is { } pid && !await db.Patients.AnyAsync(p => p.Id == pid, ct))
        {
            await audit.AuditNowAsync(http, clinic, AuditAction.Read, "messages", pid, null, AuditOutcome.NotFound, ct);
            return Requests.NotFound("patient");
        }

        var messages = db.Messages.AsNoTracking();
        if (patient is { } only)
        {
            messages = messages.Where(m => m.PatientId == only);
        }

        if (wanted is { } st)
        {
            messages = messages.Where(m => m.Status == st);
        }

        var total = await messages.CountAsync(ct);
        var items = await ViewsAsync(db, messages.OrderByDescending(m => m.DueAt).ThenBy(m => m.Id).Skip((number - 1) * size).Take(size), time, ct);
        await audit.AuditNowAsync(http, clinic, AuditAction.Read, "messages", patient, patient, AuditOutcome.Success, ct);
        return TypedResults.Ok(new OutboxPage(items, number, size, total, settings.Smtp is not null, settings.NotSendingBecause));
    }

    public static async Task<Results<Ok<MessageView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, StratumDbContext db, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var clinic = Requests.ClinicOf(http.User)!.Value;
        var message = (await ViewsAsync(db, db.Messages.AsNoTracking().Where(m => m.Id == id), time, ct)).FirstOrDefault();
        await audit.AuditNowAsync(http, clinic, AuditAction.Read, "message", id, message?.PatientId, message is null ? AuditOutcome.NotFound : AuditOutcome.Success, ct);
        return message is null ? Requests.NotFound("message") : TypedResults.Ok(message);
    }

    private static async Task<List<MessageView>> ViewsAsync(StratumDbContext db, IQueryable<Message> messages, TimeProvider time, CancellationToken ct)
    {
        var rows = await messages.Join(db.Patients, m => m.PatientId, p => p.Id, (m, p) => new { Message = m, p.GivenName, p.FamilyName }).ToListAsync(ct);
        return [.. rows.Select(r => new MessageView(r.Message.Id, r.Message.PatientId, $"{r.GivenName} {r.FamilyName}", r.Message.Kind, r.Message.AppointmentId,
            r.Message.SessionId, AppointmentsApi.Local(r.Message.DueAt, time), r.Message.Status, r.Message.Attempts, r.Message.LastError,
            Local(r.Message.NextAttemptAt, time), Local(r.Message.SentAt, time), r.Message.SentTo))];
    }

    private static DateTimeOffset? Local(DateTimeOffset? moment, TimeProvider time) => moment is { } m ? AppointmentsApi.Local(m, time) : null;
}
