using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Stratum.Core.Knowledge;
using Stratum.Core.Messages;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Messages;
using Stratum.Web.Api;
using Stratum.Web.Hosting;
using Stratum.Web.Security;

namespace Stratum.Web.Messages;

/// <summary>
/// The outbox's sender (DESIGN §5): every <see cref="OutboxSettings.Poll"/> it claims the due messages, writes them
/// from the knowledge templates as they stand at that moment, and mails them over SMTP in the clinic's name. Each
/// send, failure or refusal is audited. Without a mail server it does nothing and messages stay pending.
/// </summary>
public sealed class MessageSender(IServiceScopeFactory scopes, TimeProvider time, OutboxSettings settings, KnowledgeBase knowledge, ILogger<MessageSender> logger)
    : BackgroundService
{
    /// <summary>The actor named in the audit trail for what the sender does.</summary>
    public const string Actor = "stratum-outbox";

    private const int Batch = 50;

    // Longer than a batch of sends takes; a node that dies holding claims lets them go after it.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():n}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Smtp is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Poll, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SendDueAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Sending the due messages failed; they are tried again at the next poll.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends what is due now and not held by another node; answers how many messages this node settled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var smtp = settings.Smtp ?? throw new InvalidOperationException("No mail server is set up.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestClinicScope>().RunAsAdmin();
        var db = scope.ServiceProvider.GetRequiredService<StratumDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var now = time.GetUtcNow();
        using var mail = new SmtpClient { Timeout = 30_000 };
        var handled = 0;
        foreach (var id in await Outbox.Due(db, now).Select(m => m.Id).Take(Batch).ToListAsync(ct))
        {
            if (!await Outbox.ClaimAsync(db, id, _node, now, now + Lease, ct))
            {
                continue;
            }

            var message = await db.Scoped<Message>().FirstAsync(m => m.Id == id, ct);
            var outcome = await DeliverAsync(db, mail, smtp, message, ct);
            audit.Append(new AuditRecord(message.ClinicId, Actor, outcome.Action, $"message:{Codes.Of(message.Kind)}", message.Id.ToString(), message.PatientId, outcome.Result, null));
            await db.SaveChangesAsync(ct);
            handled++;
        }

        if (mail.IsConnected)
        {
            await mail.DisconnectAsync(quit: true, ct);
        }

        return handled;
    }

    private async Task<(AuditAction Action, AuditOutcome Result)> DeliverAsync(StratumDbContext db, SmtpClient mail, SmtpSettings smtp, Message message, CancellationToken ct)
    {
        var patient = await db.Scoped<Data.Patients.Patient>().AsNoTracking().FirstAsync(p => p.Id == message.PatientId, ct);
        var clinic = await db.Scoped<Data.Clinics.Clinic>().AsNoTracking().FirstAsync(c => c.Id == message.ClinicId, ct);
        var now = time.GetUtcNow();
        var (eventAt, duration, refusal) = await EventAsync(db, message, now, ct);
        refusal ??= patient.Email is null ? "no email address on record"
            : patient.ContactPreference == ContactPreference.None ? "the patient asked for no messages (contact preference none)"
            : null;
        if (refusal is not null || patient.Email is not { } email)
        {
            message.CannotSend(refusal!);
            return (AuditAction.Update, AuditOutcome.Denied);
        }

        var content = PatientMessages.Compose(knowledge, new MessageFacts(
            message.Kind, clinic.Name, patient.GivenName, AppointmentsApi.Local(eventAt, time), duration, AppointmentsApi.Local(now, time), new Uri(settings.Site, "triage")));
        var mime = new MimeMessage { Subject = content.Subject, MessageId = $"{message.Id:n}@stratum" };
        mime.From.Add(new MailboxAddress(clinic.Name, smtp.From));
        mime.To.Add(new MailboxAddress($"{patient.GivenName} {patient.FamilyName}", email));
        mime.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        try
        {
            if (!mail.IsConnected)
            {
                await mail.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.StartTlsWhenAvailable, ct);
                if (smtp.UserName is not null)
                {
                    await mail.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
                }
            }

            await mail.SendAsync(mime, ct);
            message.Sent(time.GetUtcNow(), email);
            return (AuditAction.Export, AuditOutcome.Success);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            logger.LogWarning("Message {Message} could not be sent: {Error}", message.Id, e.Message);
            await ResetAsync(mail);
            message.Failed(e.Message, time.GetUtcNow());
            return (AuditAction.Export, AuditOutcome.Failed);
        }
    }

    /// <summary>What the message is about as it stands now; a reminder whose appointment no longer stands is refused.</summary>
    private static async Task<(DateTimeOffset At, int? Duration, string? Refusal)> EventAsync(StratumDbContext db, Message message, DateTimeOffset now, CancellationToken ct)
    {
        if (message.AppointmentId is not { } appointmentId)
        {
            return (message.EventAt, null, null);
        }

        var appointment = await db.Scoped<Data.Appointments.Appointment>().AsNoTracking().FirstAsync(a => a.Id == appointmentId, ct);
        var refusal = appointment.Status != AppointmentStatus.Booked ? $"the appointment is {Codes.Of(appointment.Status)}"
            : appointment.Start <= now ? "the appointment time has passed"
            : null;
        return (appointment.Start, appointment.DurationMinutes, refusal);
    }

    private static async Task ResetAsync(SmtpClient mail)
    {
        try
        {
            await mail.DisconnectAsync(quit: false);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            // The connection is already gone: the next send connects afresh.
        }
    }
}
