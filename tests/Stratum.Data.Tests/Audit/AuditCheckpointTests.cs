using Microsoft.EntityFrameworkCore;
using Stratum.Data.Audit;

namespace Stratum.Data.Tests.Audit;

/// <summary>
/// Signed checkpoints: someone who can write the database can recompute every hash of the chain and its head, but not
/// sign for the rewritten chain, so verify fails; after a checkpoint, verify reads only the entries since.
/// </summary>
public sealed class AuditCheckpointTests
{
    private static readonly string Key = AuditSigner.NewKeyPem();

    [Theory, ClassData(typeof(Providers))]
    public async Task A_consistent_rewrite_of_the_chain_with_every_hash_and_the_head_recomputed_fails_verify(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        await AppendAsync(database, clinic.Id, 30);
        using var signer = new AuditSigner(Key, []);
        (await VerifyAsync(database, clinic.Id, signer)).SignedAt.ShouldBe(30);

        await RewriteAsync(database, clinic.Id, provider);

        (await VerifyAsync(database, clinic.Id, signer: null)).Ok.ShouldBeTrue("the hashes alone cannot tell: the rewrite is consistent");
        var incremental = await VerifyAsync(database, clinic.Id, signer);
        incremental.Ok.ShouldBeFalse();
        incremental.BrokenAt.ShouldBe(30);
        incremental.Reason!.ShouldContain("the chain was rewritten");
        var full = await VerifyAsync(database, clinic.Id, signer, full: true);
        full.BrokenAt.ShouldBe(30);
        full.Reason!.ShouldContain("the chain was rewritten");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task After_a_checkpoint_verify_reads_only_the_entries_added_since(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        using var signer = new AuditSigner(Key, []);
        await AppendAsync(database, clinic.Id, 50);
        var first = await VerifyAsync(database, clinic.Id, signer);
        (first.Entries, first.CheckpointAt, first.SignedAt).ShouldBe((50L, (long?)null, (long?)50));

        await AppendAsync(database, clinic.Id, 5);
        var second = await VerifyAsync(database, clinic.Id, signer);

        second.Ok.ShouldBeTrue(second.Reason);
        (second.Entries, second.CheckpointAt, second.SignedAt).ShouldBe((6L, (long?)50, (long?)55), "the checkpoint's own entry and the five after it");
        (await VerifyAsync(database, clinic.Id, signer)).SignedAt.ShouldBeNull("nothing was added, so no new checkpoint");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_entry_edited_before_the_checkpoint_is_named_exactly_by_the_full_verification(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        using var signer = new AuditSigner(Key, []);
        await AppendAsync(database, clinic.Id, 40);
        await VerifyAsync(database, clinic.Id, signer);
        await DropAppendOnlyTriggersAsync(database, provider);
        await using (var context = database.Context(ClinicScope.Admin))
        {
            await context.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Entity" = 'nothing-to-see' WHERE "ClinicId" = {clinic.Id} AND "Sequence" = 7""", TestDatabase.Cancel);
        }

        (await VerifyAsync(database, clinic.Id, signer)).Ok.ShouldBeTrue("the quick check starts at the checkpoint");
        var full = await VerifyAsync(database, clinic.Id, signer, full: true);
        full.BrokenAt.ShouldBe(7);
        full.Reason.ShouldBe("its hash does not match its content");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_checkpoint_altered_in_the_database_or_signed_by_an_untrusted_key_fails_and_a_rotated_key_still_verifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinic = await database.ClinicAsync();
        using var signer = new AuditSigner(Key, []);
        await AppendAsync(database, clinic.Id, 10);
        await VerifyAsync(database, clinic.Id, signer);

        var next = AuditSigner.NewKeyPem();
        using var stranger = new AuditSigner(next, []);
        (await VerifyAsync(database, clinic.Id, stranger)).Reason!.ShouldContain("which this server does not trust");
        using var rotated = new AuditSigner(next, [Key]);
        await AppendAsync(database, clinic.Id, 2);
        var afterRotation = await VerifyAsync(database, clinic.Id, rotated);
        afterRotation.Ok.ShouldBeTrue(afterRotation.Reason);
        afterRotation.SignedAt.ShouldBe(12);

        await using (var context = database.Context(ClinicScope.Admin))
        {
            await context.Database.ExecuteSqlAsync($"""UPDATE "AuditCheckpoints" SET "Hash" = {new string('a', 64)} WHERE "ClinicId" = {clinic.Id} AND "Sequence" = 12""", TestDatabase.Cancel);
        }

        var altered = await VerifyAsync(database, clinic.Id, rotated);
        altered.BrokenAt.ShouldBe(12);
        altered.Reason!.ShouldContain("does not verify: the checkpoint was altered");
    }

    private static async Task AppendAsync(TestDatabase database, Guid clinicId, int count)
    {
        await using var context = database.Context(ClinicScope.Of(clinicId));
        var audit = TestDatabase.Audit(context);
        for (var i = 0; i < count; i++)
        {
            audit.Append(new AuditRecord(clinicId, "user-1", AuditAction.Read, "patient", null, Guid.NewGuid(), AuditOutcome.Success, "127.0.0.1"));
        }

        await context.SaveChangesAsync(TestDatabase.Cancel);
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database, Guid clinicId, AuditSigner? signer, bool full = false)
    {
        await using var context = database.Context(ClinicScope.Of(clinicId));
        return await new AuditTrail(context, TimeProvider.System, signer: signer).VerifyAsync(clinicId, TestDatabase.Cancel, full);
    }

    /// <summary>What an attacker with write access does: every entry changed, every hash recomputed in order, the head moved to the new end.</summary>
    private static async Task RewriteAsync(TestDatabase database, Guid clinicId, DatabaseProvider provider)
    {
        await DropAppendOnlyTriggersAsync(database, provider);
        await using var context = database.Context(ClinicScope.Admin);
        var entries = await context.Scoped<AuditEntry>().AsNoTracking().Where(e => e.ClinicId == clinicId).OrderBy(e => e.Sequence).ToListAsync(TestDatabase.Cancel);
        var previous = AuditEntry.Genesis;
        foreach (var entry in entries)
        {
            var forged = AuditEntry.Link(new AuditRecord(clinicId, entry.UserId, entry.Action, "forged", entry.EntityId, entry.PatientId, entry.Outcome, entry.ClientAddress), entry.At, entry.Sequence, previous);
            await context.Database.ExecuteSqlAsync(
                $"""UPDATE "AuditEntries" SET "Entity" = {forged.Entity}, "PreviousHash" = {forged.PreviousHash}, "Hash" = {forged.Hash} WHERE "ClinicId" = {clinicId} AND "Sequence" = {entry.Sequence}""",
                TestDatabase.Cancel);
            previous = forged.Hash;
        }

        await context.Database.ExecuteSqlAsync($"""UPDATE "AuditHeads" SET "Hash" = {previous} WHERE "ClinicId" = {clinicId}""", TestDatabase.Cancel);
    }

    private static Task DropAppendOnlyTriggersAsync(TestDatabase database, DatabaseProvider provider) => database.ExecuteAsync(provider == DatabaseProvider.Sqlite
        ? """DROP TRIGGER "AuditEntries_no_update"; DROP TRIGGER "AuditEntries_no_delete";"""
        : """DROP TRIGGER "AuditEntries_append_only" ON "AuditEntries";""");
}
