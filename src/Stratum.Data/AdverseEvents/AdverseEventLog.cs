using Microsoft.EntityFrameworkCore;
using Stratum.Core.Records;
using Stratum.Core.Vocabulary;

namespace Stratum.Data.AdverseEvents;

/// <summary>The clinic's adverse events as the safety-signal search and the open-events list read them.</summary>
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

    /// <summary>The events not yet resolved, the longest open first, on the (ClinicId, ResolvedOn, OccurredOn) index.</summary>
    public static IQueryable<OpenAdverseEvent> Open(StratumDbContext db) =>
        from e in db.AdverseEvents.AsNoTracking()
        where e.ResolvedOn == null
        orderby e.OccurredOn, e.Id
        join p in db.Patients.AsNoTracking() on e.PatientId equals p.Id
        select new OpenAdverseEvent(e.Id, e.PatientId, p.FamilyName, p.GivenName, e.OccurredOn, e.TriageUrgency,
            e.Symptoms.Select(s => s.Symptom).ToList(), e.Notes.Max(n => (DateOnly?)n.WrittenOn));

    internal sealed record EventWithSession(AdverseEvent Event, Sessions.Session? Session);
}

/// <param name="LastNoteOn">The day of the latest follow-up note; null when it has none yet.</param>
public sealed record OpenAdverseEvent(Guid Id, Guid PatientId, string FamilyName, string GivenName, DateOnly OccurredOn, Urgency TriageUrgency,
    List<Symptom> Symptoms, DateOnly? LastNoteOn);
