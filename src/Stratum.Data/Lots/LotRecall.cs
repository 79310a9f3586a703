using Microsoft.EntityFrameworkCore;

namespace Stratum.Data.Lots;

/// <summary>One session that used a recalled lot, with whom to contact.</summary>
public sealed record RecalledSession(Guid SessionId, DateOnly Date, Guid PatientId, string FamilyName, string GivenName, DateOnly LotExpiry, string? Phone, string? Email);

/// <summary>A page of the sessions that used a lot, oldest first, with the totals behind it.</summary>
public sealed record RecallPage(IReadOnlyList<RecalledSession> Items, int Page, int PageSize, int Total, int Patients);

/// <summary>"Who was treated with lot X" (DESIGN §1, capability 7).</summary>
public static class LotRecall
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// One page of the clinic's sessions that used the lot, oldest first. The clinic is named and demanded of the scope, so the
    /// (ClinicId, LotNumber, Date) index serves the query under any scope, the admin's too. A lot's sessions are bounded by the lot's size, not by the
    /// clinic's history, so the page is found by offset within them.
    /// </summary>
    public static async Task<RecallPage> SessionsByLotAsync(this StratumDbContext db, Guid clinicId, string lotNumber, int page, int pageSize, CancellationToken cancellationToken)
    {
        db.DemandScope(nameof(Lot), clinicId);
        var sessions = db.Scoped<Sessions.Session>().Where(s => s.ClinicId == clinicId && s.LotNumber == lotNumber);
        var total = await sessions.CountAsync(cancellationToken);
        var patients = total == 0 ? 0 : await sessions.Select(s => s.PatientId).Distinct().CountAsync(cancellationToken);
        var items = total == 0 ? [] : await SessionsByLot(db, clinicId, lotNumber).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new RecallPage(items, page, pageSize, total, patients);
    }

    /// <summary>Every session that used the lot, oldest first, read as it is written out (the CSV for the letters).</summary>
    public static IAsyncEnumerable<RecalledSession> AllSessionsByLot(this StratumDbContext db, Guid clinicId, string lotNumber)
    {
        db.DemandScope(nameof(Lot), clinicId);
        return SessionsByLot(db, clinicId, lotNumber).AsAsyncEnumerable();
    }

    internal static IQueryable<RecalledSession> SessionsByLot(StratumDbContext db, Guid clinicId, string lotNumber) =>
        from s in db.Scoped<Sessions.Session>().AsNoTracking()
        where s.ClinicId == clinicId && s.LotNumber == lotNumber
        join p in db.Scoped<Patients.Patient>().AsNoTracking() on s.PatientId equals p.Id
        orderby s.Date, s.Id
        select new RecalledSession(s.Id, s.Date, p.Id, p.FamilyName, p.GivenName, s.LotExpiry, p.Phone, p.Email);
}
