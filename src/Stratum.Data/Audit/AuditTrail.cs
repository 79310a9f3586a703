using Microsoft.EntityFrameworkCore;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Audit;

/// <summary>The first broken link of a chain, or none.</summary>
/// <param name="Entries">How many entries were checked: those after <paramref name="CheckpointAt"/>, or all of them.</param>
/// <param name="BrokenAt">The sequence of the first entry that does not fit its chain; null when the chain is intact.</param>
/// <param name="CheckpointAt">The signed checkpoint the check started from; null when it started from the first entry.</param>
/// <param name="SignedAt">The checkpoint this check signed at the end of the intact chain; null when none was signed.</param>
public sealed record AuditVerification(Guid ClinicId, long Entries, long? BrokenAt, string? Reason, long? CheckpointAt = null, long? SignedAt = null)
{
    public bool Ok => BrokenAt is null;
}

/// <summary>
/// Appends audit entries in the same SaveChanges (and so the same transaction) as the change they record, or on their
/// own through the group commit, and verifies a clinic's hash chain (AuditTrail.Verify.cs).
/// </summary>
public sealed partial class AuditTrail(StratumDbContext db, TimeProvider time, AuditGroupCommit? group = null, AuditSigner? signer = null)
{
    /// <summary>Queues an entry; it is written, linked and hashed by the next SaveChanges of the context.</summary>
    public void Append(AuditRecord record) => db.QueueAudit(Checked(record), Now());

    /// <summary>
    /// Writes an entry that has no other change beside it (a read, a refusal) and completes once it is committed:
    /// through the group commit when the host has one, else by saving this context.
    /// </summary>
    public async Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var entry = Checked(record);
        if (group is null)
        {
            db.QueueAudit(entry, Now());
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        db.DemandScope(nameof(AuditEntry), entry.ClinicId);
        await group.AppendAsync(entry, Now(), cancellationToken);
    }

    private static AuditRecord Checked(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Guard.Id(record.ClinicId, nameof(record));
        return record with
        {
            UserId = Guard.OptionalText(record.UserId, Limits.UserIdLength, nameof(record.UserId)),
            Entity = Guard.Text(record.Entity, AuditEntry.EntityLength, nameof(record.Entity)),
            EntityId = Guard.OptionalText(record.EntityId, AuditEntry.EntityIdLength, nameof(record.EntityId)),
            ClientAddress = Guard.OptionalText(record.ClientAddress, AuditEntry.ClientAddressLength, nameof(record.ClientAddress)),
        };
    }

    // Whole microseconds: what both providers store, so the hash of the saved entry is the hash read back.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>The newest <paramref name="take"/> entries of the clinic's trail before sequence <paramref name="before"/>, on its key.</summary>
    public static IQueryable<AuditEntry> Page(StratumDbContext db, long? before, int take)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (before is { } b)
        {
            query = query.Where(e => e.Sequence < b);
        }

        return query.OrderByDescending(e => e.Sequence).Take(take);
    }
}
