using Microsoft.EntityFrameworkCore;

namespace Stratum.Data.Identity;

/// <summary>A clinician as the appointment book names them.</summary>
public sealed record ClinicianName(string Id, string Name);

public static class ClinicStaff
{
    /// <summary>The clinicians of <paramref name="clinicId"/>, by email; the admin's scope is demanded to include the clinic.</summary>
    public static Task<List<ClinicianName>> CliniciansAsync(this StratumDbContext db, Guid clinicId, CancellationToken cancellationToken)
    {
        db.DemandScope(nameof(StaffUser), clinicId);
        return (from user in db.Users.AsNoTracking()
                where user.ClinicId == clinicId
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where role.Name == Roles.Clinician
                orderby user.Email
                select new ClinicianName(user.Id, user.Email ?? user.UserName ?? user.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>The staff of <paramref name="clinicId"/> by id, each named by their email, as reports name a clinician.</summary>
    public static Task<Dictionary<string, string>> NamesAsync(this StratumDbContext db, Guid clinicId, CancellationToken cancellationToken)
    {
        db.DemandScope(nameof(StaffUser), clinicId);
        return db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, cancellationToken);
    }
}
