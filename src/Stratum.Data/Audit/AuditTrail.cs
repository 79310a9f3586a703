using Microsoft.EntityFrameworkCore;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Audit;

/// <summary>The first broken link of a chain, or none.</summary>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="BrokenAt">The sequence of the first entry that does not fit its chain; null when the chain is intact.</param>
public sealed record AuditVerification(Guid ClinicId, long Entries, long? BrokenAt, string? Reason)
{
    public bool Ok => BrokenAt is null;
}

/// <summary>
/// Appends audit entries in the same SaveChanges (and so the same transaction) as the change they record,
/// and verifies a clinic's hash chain.
/// </summary>
public sealed class AuditTrail(StratumDbContext db, TimeProvider time, AuditGroupCommit? group = null)
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

    /// <summary>Recomputes the clinic's chain from its first entry and reports the first link that does not hold.</summary>
    public async Task<AuditVerification> VerifyAsync(Guid clinicId, CancellationToken cancellationToken)
    {
        db.DemandScope(nameof(AuditEntry), clinicId);
        var expectedPrevious = AuditEntry.Genesis;
        var expectedSequence = 1L;
        var entries = db.Scoped<AuditEntry>().AsNoTracking().Where(e => e.ClinicId == clinicId).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var reason = entry.Sequence != expectedSequence ? $"expected sequence {expectedSequence}, found {entry.Sequence}: entries are missing"
                : entry.PreviousHash != expectedPrevious ? "its previous hash is not the hash of the entry before it"
                : entry.Hash != entry.ComputeHash() ? "its hash does not match its content"
                : null;
            if (reason is not null)
            {
                return new AuditVerification(clinicId, expectedSequence - 1, expectedSequence, reason);
            }

            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        // Entries cut off the end leave a shorter chain that is intact in itself: only the head remembers the end.
        var checkedCount = expectedSequence - 1;
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.ClinicId == clinicId, cancellationToken);
        var (headSequence, headHash) = head is null ? (0L, AuditEntry.Genesis) : (head.Sequence, head.Hash);
        return headSequence != checkedCount
            ? new AuditVerification(clinicId, checkedCount, expectedSequence, $"the chain ends at {checkedCount} but its head is at {headSequence}: entries were removed")
            : headHash != expectedPrevious
                ? new AuditVerification(clinicId, checkedCount, checkedCount, "the last entry is not the one the head recorded: it was replaced")
                : new AuditVerification(clinicId, checkedCount, null, null);
    }
}
