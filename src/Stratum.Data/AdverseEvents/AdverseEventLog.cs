using Microsoft.EntityFrameworkCore;
using Stratum.Core.Records;

namespace Stratum.Data.AdverseEvents;

/// <summary>The clinic's adverse events as the safety-signal search reads them.</summary>
public static class AdverseEventLog
{
    /// <summary>The events from <paramref name="from"/> to <paramref name="to"/> with the lot, device and operator of their session.</summary>
    public static async Task<List<AdverseEventFacts>> FactsAsync(this StratumDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await InPeriod(db, from, to).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new AdverseEventFacts(
            x.Event.Id, x.Event.PatientId, x.Event.OccurredOn, [.. x.Event.Symptoms.Select(s => s.Symptom)],
            x.Session?.LotNumber, x.Session is null ? null : $"{x.Session.Device.Make} {x.Session.Device.Model}", x.Session?.OperatorId))];
    }

    /// <summary>On the (ClinicId, OccurredOn) index, each session by its key.</summary>
    internal static IQueryable<EventWithSession> InPeriod(StratumDbContext db, DateOnly first, DateOnly last) =>
        from e in db.AdverseEvents.AsNoTracking()
        where e.OccurredOn >= first && e.OccurredOn <= last
        join s in db.Sessions.AsNoTracking() on e.SessionId equals s.Id into sessions
        from s in sessions.DefaultIfEmpty()
        select new EventWithSession(e, s);

    internal sealed record EventWithSession(AdverseEvent Event, Sessions.Session? Session);
}
