using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Vocabulary;

namespace Stratum.Data.Appointments;

/// <summary>The book's queries, each on one of the appointment indexes (QueryPlanTests).</summary>
public static class AppointmentBook
{
    /// <summary><see cref="Appointment.IsOpen"/> as a query can read it.</summary>
    private static readonly Expression<Func<Appointment, bool>> Open = a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived;

    /// <summary>The clinic's appointments starting in [<paramref name="from"/>, <paramref name="to"/>), in start order; one clinician's when named.</summary>
    public static IQueryable<Appointment> Starting(StratumDbContext db, DateTimeOffset from, DateTimeOffset to, string? clinicianId)
    {
        var query = db.Appointments.AsNoTracking().Where(a => a.Start >= from && a.Start < to);
        return (clinicianId is null ? query : query.Where(a => a.ClinicianId == clinicianId)).OrderBy(a => a.Start);
    }

    /// <summary>The clinician's open appointments other than <paramref name="appointment"/> that overlap its time.</summary>
    public static IQueryable<Appointment> Overlapping(StratumDbContext db, Appointment appointment) =>
        db.Appointments.AsNoTracking().Where(Open)
            .Where(a => a.ClinicianId == appointment.ClinicianId && a.Start < appointment.End && a.End > appointment.Start && a.Id != appointment.Id)
            .OrderBy(a => a.Start);

    /// <summary>The patient's open appointments (booked, or arrived) other than <paramref name="except"/>, in start order.</summary>
    public static IQueryable<Appointment> OpenOf(StratumDbContext db, Guid patientId, Guid? except = null) =>
        db.Appointments.Where(Open).Where(a => a.PatientId == patientId && a.Id != except).OrderBy(a => a.Start);
}
