using Microsoft.EntityFrameworkCore;

namespace Stratum.Data.Lots;

/// <summary>One session that used a recalled lot, with whom to contact.</summary>
public sealed record RecalledSession(Guid SessionId, DateOnly Date, Guid PatientId, string FamilyName, string GivenName, DateOnly LotExpiry);

/// <summary>"Who was treated with lot X" (DESIGN §1, capability 7).</summary>
public static class LotRecall
{
    /// <summary>
    /// Every session of the clinic that used the lot, oldest first. The clinic is named, not only filtered, so the
    /// (ClinicId, LotNumber) index serves the query under any scope.
    /// </summary>
    public static Task<List<RecalledSession>> SessionsByLotAsync(this StratumDbContext db, Guid clinicId, string lotNumber, CancellationToken cancellationToken)
    {
        db.DemandScope(nameof(Lot), clinicId);
        return SessionsByLot(db, clinicId, lotNumber).ToListAsync(cancellationToken);
    }

    internal static IQueryable<RecalledSession> SessionsByLot(StratumDbContext db, Guid clinicId, string lotNumber) =>
        from s in db.Sessions
        where s.ClinicId == clinicId && s.LotNumber == lotNumber
        join p in db.Patients on s.PatientId equals p.Id
        orderby s.Date, s.Id
        select new RecalledSession(s.Id, s.Date, p.Id, p.FamilyName, p.GivenName, s.LotExpiry);
}
