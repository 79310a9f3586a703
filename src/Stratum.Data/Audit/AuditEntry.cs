using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Audit;

public enum AuditAction { Read, Create, Update, Delete, Export, Verify }

public enum AuditOutcome { Success, Denied, NotFound, Conflict, Invalid, Failed }

/// <summary>What happened, as the caller states it; <see cref="AuditTrail"/> adds the time, sequence and hashes.</summary>
/// <param name="UserId">The <see cref="Identity.StaffUser"/> id; null for an anonymous request.</param>
/// <param name="Entity">The aggregate's type name, e.g. <c>patient</c>.</param>
public sealed record AuditRecord(
    Guid ClinicId,
    string? UserId,
    AuditAction Action,
    string Entity,
    string? EntityId,
    Guid? PatientId,
    AuditOutcome Outcome,
    string? ClientAddress);

/// <summary>
/// One link of a clinic's audit chain. Append-only: there is no method that changes an entry, SaveChanges refuses
/// to update or delete one, and a database trigger refuses it too.
/// </summary>
/// <remarks>
/// <see cref="Hash"/> is SHA-256 over <see cref="Canonical"/>, which includes <see cref="PreviousHash"/>: changing,
/// removing or reordering any entry breaks every link after it. <see cref="At"/> is kept to whole microseconds,
/// the precision both providers store, so the hash computed before saving is the hash recomputed after reading.
/// </remarks>
public sealed class AuditEntry : IClinicOwned
{
    public const int HashLength = 64;
    public const int EntityLength = 64;
    public const int EntityIdLength = 100;
    public const int ClientAddressLength = 64;

    /// <summary>The previous hash of a clinic's first entry.</summary>
    public static readonly string Genesis = new('0', HashLength);

    private AuditEntry(Guid clinicId, long sequence, DateTimeOffset at, string? userId, AuditAction action, string entity,
        string? entityId, Guid? patientId, AuditOutcome outcome, string? clientAddress, string previousHash, string hash)
    {
        ClinicId = clinicId;
        Sequence = sequence;
        At = at;
        UserId = userId;
        Action = action;
        Entity = entity;
        EntityId = entityId;
        PatientId = patientId;
        Outcome = outcome;
        ClientAddress = clientAddress;
        PreviousHash = previousHash;
        Hash = hash;
    }

    public Guid ClinicId { get; private set; }

    /// <summary>1, 2, 3… per clinic, without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? UserId { get; private set; }

    public AuditAction Action { get; private set; }

    public string Entity { get; private set; }

    public string? EntityId { get; private set; }

    public Guid? PatientId { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public string? ClientAddress { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    internal static AuditEntry Link(AuditRecord record, DateTimeOffset at, long sequence, string previousHash)
    {
        var entry = new AuditEntry(record.ClinicId, sequence, at, record.UserId, record.Action, record.Entity, record.EntityId,
            record.PatientId, record.Outcome, record.ClientAddress, previousHash, string.Empty);
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>The hash this entry should have, recomputed from its fields.</summary>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    /// <summary>
    /// One line per field, each value length-prefixed so no value can pass for another field; null is <c>~</c>.
    /// Changing this breaks every stored chain: a new format needs a new version tag.
    /// </summary>
    internal string Canonical()
    {
        var text = new StringBuilder("stratum-audit-v1\n");
        Field("clinic", ClinicId.ToString("D"));
        Field("sequence", Sequence.ToString(CultureInfo.InvariantCulture));
        Field("at", At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field("user", UserId);
        Field("action", Codes.Of(Action));
        Field("entity", Entity);
        Field("entity-id", EntityId);
        Field("patient", PatientId?.ToString("D"));
        Field("outcome", Codes.Of(Outcome));
        Field("client", ClientAddress);
        Field("previous", PreviousHash);
        return text.ToString();

        void Field(string name, string? value) => text.Append(name).Append('=')
            .Append(value is null ? "~" : $"{value.Length.ToString(CultureInfo.InvariantCulture)}:{value}").Append('\n');
    }
}

/// <summary>
/// The last link of a clinic's chain. An append moves it only from the sequence it read, so two writers that read the
/// same head cannot both append: the second finds it moved, re-reads and retries. It also lets verify notice entries
/// cut off the end of the chain.
/// </summary>
public sealed class AuditHead
{
    private AuditHead(Guid clinicId, long sequence, string hash)
    {
        ClinicId = clinicId;
        Sequence = sequence;
        Hash = hash;
    }

    public Guid ClinicId { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; }

    internal static AuditHead Start(Guid clinicId) => new(clinicId, 0, AuditEntry.Genesis);

    internal void Advance(long sequence, string hash)
    {
        Sequence = sequence;
        Hash = hash;
    }
}
