using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Consents;
using Stratum.Data.Infrastructure;
using Stratum.Data.Plans;

namespace Stratum.Data.Sessions;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.HasOne<TreatmentPlan>().WithMany().HasForeignKey(s => s.TreatmentPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consent>().WithMany().HasForeignKey(s => s.ConsentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.OperatorId).HasMaxLength(Limits.UserIdLength);
        builder.Property(s => s.LotNumber).HasMaxLength(Limits.LotNumberLength);
        builder.Property(s => s.Notes).HasMaxLength(Limits.NoteLength);
        builder.Property(s => s.OverrideReason).HasMaxLength(Limits.NoteLength);

        // The recall query: every session of a lot within a clinic (DESIGN §5 GET /api/lots/{lot}/sessions).
        builder.HasIndex(s => new { s.ClinicId, s.LotNumber, s.Date });
        builder.HasIndex(s => new { s.ClinicId, s.Date });
        builder.HasIndex(s => new { s.ClinicId, s.PatientId, s.Date });

        builder.OwnsOne(s => s.Device, d =>
        {
            d.Property(x => x.Make).HasMaxLength(Limits.ShortText);
            d.Property(x => x.Model).HasMaxLength(Limits.ShortText);
            d.Property(x => x.NeedleConfiguration).HasMaxLength(Limits.ShortText);
        });
        builder.Navigation(s => s.Device).IsRequired();
        builder.OwnsMany(s => s.Zones, z =>
        {
            z.ToTable("SessionZones");
            z.HasKey("SessionId", nameof(TreatedZone.Zone));
            z.Property(x => x.DepthMm).HasPrecision(4, 2);
        });
        builder.Navigation(s => s.Zones).HasField("_zones");
    }
}
