using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;
using Stratum.Data.Sessions;

namespace Stratum.Data.Outcomes;

internal sealed class OutcomeAssessmentConfiguration : IEntityTypeConfiguration<OutcomeAssessment>
{
    public void Configure(EntityTypeBuilder<OutcomeAssessment> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.HasOne<Session>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.AssessedBy).HasMaxLength(Limits.UserIdLength);
        builder.PrimitiveCollection(o => o.PhotoIds).HasField("_photoIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => new { o.ClinicId, o.PatientId, o.AssessedOn });
    }
}
