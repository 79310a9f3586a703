using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Appointments;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.Property(a => a.ClinicianId).HasMaxLength(Limits.UserIdLength);
        builder.Property(a => a.BookedBy).HasMaxLength(Limits.UserIdLength);
        builder.Property(a => a.ZoneCodes).HasMaxLength(Limits.ShortText * 2).IsUnicode(false);
        builder.Property(a => a.OverrideReason).HasMaxLength(Limits.NoteLength);
        builder.Ignore(a => a.Zones);
        builder.Ignore(a => a.DurationMinutes);
        builder.Ignore(a => a.IsTreatment);
        builder.Ignore(a => a.IsOpen);

        // The day and week views, a clinician's book (and whether they are busy), a patient's booked treatments.
        builder.HasIndex(a => new { a.ClinicId, a.Start });
        builder.HasIndex(a => new { a.ClinicId, a.ClinicianId, a.Start });
        builder.HasIndex(a => new { a.ClinicId, a.PatientId, a.Start });
    }
}
