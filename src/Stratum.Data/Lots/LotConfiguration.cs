using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Lots;

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> builder)
    {
        builder.IsClinicOwned();
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.LotNumber).HasMaxLength(Limits.LotNumberLength);
        builder.Property(l => l.Product).HasMaxLength(Limits.ShortText);
        builder.Property(l => l.RecallReason).HasMaxLength(Limits.NoteLength);
        builder.HasIndex(l => new { l.ClinicId, l.LotNumber }).IsUnique();
    }
}
