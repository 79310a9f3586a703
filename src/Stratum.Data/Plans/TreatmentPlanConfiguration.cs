using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Plans;

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.Property(p => p.CreatedBy).HasMaxLength(Limits.UserIdLength);
        builder.HasIndex(p => new { p.ClinicId, p.PatientId });
    }
}
