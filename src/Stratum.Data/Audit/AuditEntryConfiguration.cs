using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Clinics;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>Named in the migrations' append-only triggers.</summary>
    public const string Table = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(Table);

        // The key is also what keeps a chain from forking: two entries cannot share a clinic and sequence.
        builder.HasKey(e => new { e.ClinicId, e.Sequence });
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(e => e.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.UserId).HasMaxLength(Limits.UserIdLength);
        builder.Property(e => e.Entity).HasMaxLength(AuditEntry.EntityLength);
        builder.Property(e => e.EntityId).HasMaxLength(AuditEntry.EntityIdLength);
        builder.Property(e => e.ClientAddress).HasMaxLength(AuditEntry.ClientAddressLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsUnicode(false);
        builder.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsUnicode(false);
        builder.HasIndex(e => new { e.ClinicId, e.PatientId });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.HasKey(h => h.ClinicId);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(h => h.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(h => h.Hash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsUnicode(false);
    }
}
