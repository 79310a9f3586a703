using Microsoft.EntityFrameworkCore;
using Stratum.Core.Reports;
using Stratum.Core.Vocabulary;
using Stratum.Data.Audit;

namespace Stratum.Data.Reports;

/// <summary>A session of the period with the patient, for the CSV export.</summary>
public sealed record SessionRow(Guid SessionId, DateOnly Date, Guid PatientId, string FamilyName, string GivenName, string Lot, DateOnly LotExpiry, string Device, string OperatorId, string Zones);

/// <summary>An adverse event of the period, with its session's lot, device and operator when it is linked to one.</summary>
public sealed record AdverseEventRow(Guid Id, DateOnly OccurredOn, Guid PatientId, string FamilyName, string GivenName, Urgency Urgency, Guid? SessionId, string? Lot, string? Device, string? OperatorId, DateOnly? ResolvedOn, string? Outcome);

/// <summary>The clinic's reports (DESIGN §5): adverse-event rates by lot, device or clinician, and the CSV exports, on the (ClinicId, Date) indexes.</summary>
public static class ClinicReports
{
    /// <summary>
    /// The sessions from <paramref name="first"/> to <paramref name="last"/> and the adverse events reported for them;
    /// <paramref name="clinicianName"/> names an operator id.
    /// </summary>
    public static async Task<AdverseEventReport> AdverseEventRatesAsync(StratumDbContext db, DateOnly first, DateOnly last, ReportGrouping by,
        Func<string, string> clinicianName, CancellationToken ct)
    {
        var sessions = await SessionsIn(db, first, last)
            .Select(s => new { s.Id, s.LotNumber, s.Device.Make, s.Device.Model, s.OperatorId })
            .ToListAsync(ct);
        var events = await (from e in db.AdverseEvents.AsNoTracking()
                            join s in SessionsIn(db, first, last) on e.SessionId equals s.Id
                            select s.Id).ToListAsync(ct);
        var unlinked = await db.AdverseEvents.CountAsync(e => e.SessionId == null && e.OccurredOn >= first && e.OccurredOn <= last, ct);
        return AdverseEventRates.Compute(by, [.. sessions.Select(s => new ReportSession(s.Id, s.LotNumber, $"{s.Make} {s.Model}", clinicianName(s.OperatorId)))], events, unlinked);
    }

    /// <summary>The sessions of the period in date order, read as they are written out.</summary>
    public static IAsyncEnumerable<SessionRow> SessionsAsync(StratumDbContext db, DateOnly first, DateOnly last) =>
        (from s in SessionsIn(db, first, last)
         join p in db.Patients.AsNoTracking() on s.PatientId equals p.Id
         orderby s.Date, s.Id
         select new { s, p.FamilyName, p.GivenName })
        .AsAsyncEnumerable()
        .Select(x => new SessionRow(x.s.Id, x.s.Date, x.s.PatientId, x.FamilyName, x.GivenName, x.s.LotNumber, x.s.LotExpiry,
            $"{x.s.Device.Make} {x.s.Device.Model} ({x.s.Device.NeedleConfiguration})", x.s.OperatorId,
            string.Join("; ", x.s.Zones.Select(z => $"{Codes.Of(z.Zone)} {z.DepthMm} mm x{z.Passes}"))));

    /// <summary>The adverse events of the period (by the day they happened) in date order.</summary>
    public static IAsyncEnumerable<AdverseEventRow> AdverseEventsAsync(StratumDbContext db, DateOnly first, DateOnly last) =>
        (from e in db.AdverseEvents.AsNoTracking()
         where e.OccurredOn >= first && e.OccurredOn <= last
         join p in db.Patients.AsNoTracking() on e.PatientId equals p.Id
         join s in db.Sessions.AsNoTracking() on e.SessionId equals s.Id into sessions
         from s in sessions.DefaultIfEmpty()
         orderby e.OccurredOn, e.Id
         select new AdverseEventRow(e.Id, e.OccurredOn, e.PatientId, p.FamilyName, p.GivenName, e.TriageUrgency, e.SessionId,
             s == null ? null : s.LotNumber, s == null ? null : s.Device.Make + " " + s.Device.Model, s == null ? null : s.OperatorId, e.ResolvedOn, e.Outcome))
        .AsAsyncEnumerable();

    /// <summary>The clinic's audit trail in sequence order, on its key.</summary>
    public static IAsyncEnumerable<AuditEntry> AuditAsync(StratumDbContext db) =>
        db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();

    private static IQueryable<Sessions.Session> SessionsIn(StratumDbContext db, DateOnly first, DateOnly last) =>
        db.Sessions.AsNoTracking().Where(s => s.Date >= first && s.Date <= last);
}
