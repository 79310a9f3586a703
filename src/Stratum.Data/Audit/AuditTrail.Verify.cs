using Microsoft.EntityFrameworkCore;

namespace Stratum.Data.Audit;

public sealed partial class AuditTrail
{
    /// <summary>Whether checkpoints are signed here: without a signing key a consistent rewrite of the chain goes unseen.</summary>
    public bool Signs => signer is not null;

    /// <summary>
    /// Checks the clinic's chain and reports the first link that does not hold. From the newest signed checkpoint when
    /// there is one (its signature, and that the entry it names still has its hash), so only the entries since are
    /// read; from the first entry when <paramref name="full"/>, checking every checkpoint on the way. An intact chain
    /// gets a new checkpoint at its end when a signing key is configured.
    /// </summary>
    /// <param name="progress">Told how many entries have been checked, every few thousand.</param>
    public async Task<AuditVerification> VerifyAsync(Guid clinicId, CancellationToken cancellationToken, bool full = false, IProgress<long>? progress = null)
    {
        db.DemandScope(nameof(AuditEntry), clinicId);
        var checkpoints = db.Set<AuditCheckpoint>().AsNoTracking().Where(c => c.ClinicId == clinicId);
        var newest = await checkpoints.OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
        var signed = full && signer is not null ? await checkpoints.ToDictionaryAsync(c => c.Sequence, cancellationToken) : [];
        var (start, expectedPrevious, from) = (0L, AuditEntry.Genesis, (long?)null);
        if (!full && signer is not null && newest is not null)
        {
            if (CheckpointProblem(newest) is { } problem)
            {
                return new AuditVerification(clinicId, 0, newest.Sequence, problem, newest.Sequence);
            }

            (start, from) = (newest.Sequence - 1, newest.Sequence);
            expectedPrevious = await db.Scoped<AuditEntry>().AsNoTracking().Where(e => e.ClinicId == clinicId && e.Sequence == start)
                .Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken) ?? AuditEntry.Genesis;
            signed[newest.Sequence] = newest;
        }

        var expectedSequence = start + 1;
        var entries = db.Scoped<AuditEntry>().AsNoTracking().Where(e => e.ClinicId == clinicId && e.Sequence > start).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var reason = entry.Sequence != expectedSequence ? $"expected sequence {expectedSequence}, found {entry.Sequence}: entries are missing"
                : entry.PreviousHash != expectedPrevious ? "its previous hash is not the hash of the entry before it"
                : entry.Hash != entry.ComputeHash() ? "its hash does not match its content"
                : signed.TryGetValue(entry.Sequence, out var checkpoint) ? CheckpointProblem(checkpoint) ?? (checkpoint.Hash != entry.Hash
                    ? $"it is not the entry signed at the checkpoint of {checkpoint.At:yyyy-MM-dd HH:mm} UTC: the chain was rewritten up to here"
                    : null)
                : null;
            if (reason is not null)
            {
                return new AuditVerification(clinicId, expectedSequence - 1 - start, expectedSequence, reason, from);
            }

            expectedPrevious = entry.Hash;
            if (++expectedSequence % 10_000 == 0)
            {
                progress?.Report(expectedSequence - 1);
            }
        }

        // Entries cut off the end leave a shorter chain that is intact in itself: only the head remembers the end.
        var end = expectedSequence - 1;
        progress?.Report(end);
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.ClinicId == clinicId, cancellationToken);
        var (headSequence, headHash) = head is null ? (0L, AuditEntry.Genesis) : (head.Sequence, head.Hash);
        if (from is not null && end < from)
        {
            return new AuditVerification(clinicId, 0, from, $"the signed checkpoint names entry {from}, which is no longer there: entries were removed", from);
        }

        if (headSequence != end)
        {
            return new AuditVerification(clinicId, end - start, expectedSequence, $"the chain ends at {end} but its head is at {headSequence}: entries were removed", from);
        }

        if (headHash != expectedPrevious)
        {
            return new AuditVerification(clinicId, end - start, end, "the last entry is not the one the head recorded: it was replaced", from);
        }

        return new AuditVerification(clinicId, end - start, null, null, from, await CheckpointAsync(clinicId, end, expectedPrevious, newest, cancellationToken));
    }

    /// <summary>All of the clinic's checkpoints, oldest first, for safekeeping elsewhere.</summary>
    public async Task<List<AuditCheckpoint>> CheckpointsAsync(Guid clinicId, CancellationToken cancellationToken)
    {
        db.DemandScope(nameof(AuditEntry), clinicId);
        return await db.Set<AuditCheckpoint>().AsNoTracking().Where(c => c.ClinicId == clinicId).OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
    }

    private string? CheckpointProblem(AuditCheckpoint checkpoint) => signer!.Verify(checkpoint) switch
    {
        true => null,
        false => $"the checkpoint signed for entry {checkpoint.Sequence} does not verify: the checkpoint was altered",
        null => $"the checkpoint for entry {checkpoint.Sequence} is signed with key {checkpoint.KeyId}, which this server does not trust: add the key to Stratum:Audit:PreviousKeyFiles if it was rotated out",
    };

    /// <summary>Signs the end of an intact chain, unless nothing was added since the last checkpoint; two at once keep one.</summary>
    private async Task<long?> CheckpointAsync(Guid clinicId, long sequence, string hash, AuditCheckpoint? newest, CancellationToken cancellationToken)
    {
        if (signer is null || sequence == 0 || newest?.Sequence >= sequence)
        {
            return null;
        }

        var checkpoint = AuditCheckpoint.Sign(signer, clinicId, sequence, hash, Now());
        db.Set<AuditCheckpoint>().Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return sequence;
        }
        catch (DbUpdateException)
        {
            db.Entry(checkpoint).State = EntityState.Detached;
            return null;
        }
    }
}
