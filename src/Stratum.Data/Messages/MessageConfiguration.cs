using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Appointments;
using Stratum.Data.Infrastructure;
using Stratum.Data.Sessions;

namespace Stratum.Data.Messages;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.HasOne<Appointment>().WithMany().HasForeignKey(m => m.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.LastError).HasMaxLength(Message.ErrorLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(Message.NodeLength);
        builder.Property(m => m.SentTo).HasMaxLength(Limits.ShortText);
        builder.Ignore(m => m.IsWaiting);

        // Once per kind and appointment or session, whichever node or request tries to add it.
        builder.HasIndex(m => new { m.AppointmentId, m.Kind }).IsUnique();
        builder.HasIndex(m => new { m.SessionId, m.Kind }).IsUnique();

        // What is due, across clinics (the sender); the outbox page and a patient's messages.
        builder.HasIndex(m => m.NextAttemptAt);
        builder.HasIndex(m => new { m.ClinicId, m.DueAt });
        builder.HasIndex(m => new { m.ClinicId, m.PatientId, m.DueAt });
    }
}
