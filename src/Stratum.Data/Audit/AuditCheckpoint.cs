using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Clinics;

namespace Stratum.Data.Audit;

/// <summary>
/// A signed statement "entry <see cref="Sequence"/> of this clinic's chain has hash <see cref="Hash"/>", made after the
/// chain up to it verified. The signing key is not in the database, so whoever can write the database can recompute
/// every hash of the chain but cannot sign a checkpoint for the rewritten one; and a verify need only read the
/// entries after the newest checkpoint.
/// </summary>
public sealed class AuditCheckpoint
{
    public const int KeyIdLength = 32;

    private AuditCheckpoint(Guid clinicId, long sequence, string hash, DateTimeOffset at, string keyId, string signature)
    {
        ClinicId = clinicId;
        Sequence = sequence;
        Hash = hash;
        At = at;
        KeyId = keyId;
        Signature = signature;
    }

    public Guid ClinicId { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Which key signed it (<see cref="AuditSigner.KeyIdOf"/>): keys can be rotated and old checkpoints still verify.</summary>
    public string KeyId { get; private set; }

    /// <summary>ECDSA P-256 over <see cref="Payload"/>, base64.</summary>
    public string Signature { get; private set; }

    internal static AuditCheckpoint Sign(AuditSigner signer, Guid clinicId, long sequence, string hash, DateTimeOffset at)
    {
        var (keyId, signature) = signer.Sign(Payload(clinicId, sequence, hash, at));
        return new AuditCheckpoint(clinicId, sequence, hash, at, keyId, signature);
    }

    /// <summary>What is signed; an exported checkpoint is checked elsewhere by rebuilding it.</summary>
    public static byte[] Payload(Guid clinicId, long sequence, string hash, DateTimeOffset at) => Encoding.UTF8.GetBytes(
        $"stratum-audit-checkpoint-v1\nclinic={clinicId:D}\nsequence={sequence.ToString(CultureInfo.InvariantCulture)}\nhash={hash}\n" +
        $"at={at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}\n");

    public byte[] Payload() => Payload(ClinicId, Sequence, Hash, At);
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.HasKey(c => new { c.ClinicId, c.Sequence });
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(c => c.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Hash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsUnicode(false);
        builder.Property(c => c.KeyId).HasMaxLength(AuditCheckpoint.KeyIdLength).IsUnicode(false);
        builder.Property(c => c.Signature).HasMaxLength(200).IsUnicode(false);
    }
}
