using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Screenings;

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.Property(s => s.KnowledgeVersion).HasMaxLength(Screening.KnowledgeVersionLength);
        builder.Property(s => s.ScreenedBy).HasMaxLength(Limits.UserIdLength);
        builder.HasIndex(s => new { s.ClinicId, s.PatientId, s.ScreenedAt });
    }
}
