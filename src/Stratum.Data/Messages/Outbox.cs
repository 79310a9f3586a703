using Microsoft.EntityFrameworkCore;

namespace Stratum.Data.Messages;

/// <summary>
/// The outbox's queries. Due messages are found across clinics and claimed one by one with a conditional update, so
/// that of several web nodes on one database exactly one sends each message; a node that dies holding a claim lets
/// it go when the claim runs out.
/// </summary>
public static class Outbox
{
    /// <summary>The messages due at <paramref name="now"/> and not held by a node, longest waiting first, on the NextAttemptAt index.</summary>
    public static IQueryable<Message> Due(StratumDbContext db, DateTimeOffset now) =>
        Unclaimed(db.Scoped<Message>(), now).OrderBy(m => m.NextAttemptAt);

    /// <summary>Claims the message for <paramref name="node"/> until <paramref name="until"/>; false when another node has it or it is no longer due.</summary>
    public static async Task<bool> ClaimAsync(StratumDbContext db, Guid id, string node, DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        await Unclaimed(db.Scoped<Message>(), now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.ClaimedBy, node).SetProperty(x => x.ClaimedUntil, until), ct) == 1;

    /// <summary>The messages about an appointment or a session.</summary>
    public static IQueryable<Message> About(StratumDbContext db, Guid appointmentOrSessionId) =>
        db.Messages.Where(m => m.AppointmentId == appointmentOrSessionId || m.SessionId == appointmentOrSessionId);

    private static IQueryable<Message> Unclaimed(IQueryable<Message> messages, DateTimeOffset now) =>
        messages.Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));
}
