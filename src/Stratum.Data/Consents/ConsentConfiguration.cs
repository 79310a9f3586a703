using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Consents;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.Property(c => c.TextVersion).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.SignedBy).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.WitnessedBy).HasMaxLength(Limits.UserIdLength);
        builder.HasIndex(c => new { c.ClinicId, c.PatientId });
    }
}
