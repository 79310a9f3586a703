using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;
using Stratum.Data.Sessions;

namespace Stratum.Data.AdverseEvents;

internal sealed class AdverseEventConfiguration : IEntityTypeConfiguration<AdverseEvent>
{
    public void Configure(EntityTypeBuilder<AdverseEvent> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.ReportedBy).HasMaxLength(Limits.UserIdLength);
        builder.Property(a => a.FollowUp).HasMaxLength(Limits.NoteLength);
        builder.Property(a => a.Outcome).HasMaxLength(Limits.NoteLength);
        builder.HasIndex(a => new { a.ClinicId, a.OccurredOn });
        builder.HasIndex(a => new { a.ClinicId, a.PatientId });
        builder.OwnsMany(a => a.Symptoms, s =>
        {
            s.ToTable("AdverseEventSymptoms");
            s.HasKey("AdverseEventId", nameof(ReportedSymptom.Symptom));
        });
        builder.Navigation(a => a.Symptoms).HasField("_symptoms");
    }
}
