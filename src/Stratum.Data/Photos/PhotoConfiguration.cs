using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Photos;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.IsClinicOwned();
        builder.BelongsToPatient();
        builder.Property(p => p.ContentType).HasMaxLength(Limits.ShortText);
        builder.Property(p => p.Sha256).HasMaxLength(Photo.Sha256Length).IsFixedLength().IsUnicode(false);
        builder.Property(p => p.ThumbnailSha256).HasMaxLength(Photo.Sha256Length).IsFixedLength().IsUnicode(false);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.ClinicId, p.PatientId });
    }
}
