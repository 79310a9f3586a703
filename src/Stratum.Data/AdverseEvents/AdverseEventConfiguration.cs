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
        builder.Property(a => a.Outcome).HasMaxLength(Limits.NoteLength);
        builder.HasIndex(a => new { a.ClinicId, a.OccurredOn });
        builder.HasIndex(a => new { a.ClinicId, a.PatientId });
        builder.HasIndex(a => new { a.ClinicId, a.ResolvedOn, a.OccurredOn });
        builder.Ignore(a => a.IsOpen);
        builder.OwnsMany(a => a.Symptoms, s =>
        {
            s.ToTable("AdverseEventSymptoms");
            s.HasKey("AdverseEventId", nameof(ReportedSymptom.Symptom));
        });
        builder.Navigation(a => a.Symptoms).HasField("_symptoms");
        builder.OwnsMany(a => a.Notes, n =>
        {
            n.ToTable("AdverseEventNotes");
            n.WithOwner().HasForeignKey("AdverseEventId");
            n.HasKey("AdverseEventId", nameof(FollowUpNote.Number));
            n.Property(x => x.Number).ValueGeneratedNever();
            n.Property(x => x.WrittenBy).HasMaxLength(Limits.UserIdLength);
            n.Property(x => x.Text).HasMaxLength(Limits.NoteLength);
        });
        builder.Navigation(a => a.Notes).HasField("_notes");
    }
}
