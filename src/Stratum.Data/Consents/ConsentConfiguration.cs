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
        builder.Property(c => c.FormVersion).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.SignedBy).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.WitnessedBy).HasMaxLength(Limits.UserIdLength);
        builder.Property(c => c.Signature).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.ClinicId, c.PatientId });
    }
}

internal sealed class ConsentFormConfiguration : IEntityTypeConfiguration<ConsentForm>
{
    public void Configure(EntityTypeBuilder<ConsentForm> builder)
    {
        builder.IsClinicOwned();
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Version).HasMaxLength(ConsentForm.VersionLength);
        builder.Property(f => f.Text).HasMaxLength(ConsentForm.TextLength);
        builder.Property(f => f.PhotoText).HasMaxLength(ConsentForm.TextLength);
        builder.Property(f => f.PublishedBy).HasMaxLength(Limits.UserIdLength);
        builder.Ignore(f => f.Paragraphs);
        builder.HasIndex(f => new { f.ClinicId, f.Version }).IsUnique();
    }
}

internal sealed class ConsentDocumentConfiguration : IEntityTypeConfiguration<ConsentDocument>
{
    public void Configure(EntityTypeBuilder<ConsentDocument> builder)
    {
        builder.IsClinicOwned();
        builder.HasKey(d => d.ConsentId);
        builder.HasOne<Consent>().WithOne().HasForeignKey<ConsentDocument>(d => d.ConsentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Ignore(d => d.IsIntact);
    }
}
