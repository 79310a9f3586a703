using Microsoft.EntityFrameworkCore;
using Stratum.Data.Audit;

namespace Stratum.Data.Tests.Audit;

/// <summary>The audit rows of concurrent reads share commits; each caller returns only once its own row is committed.</summary>
public sealed class AuditGroupCommitTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Concurrent_reads_of_two_clinics_share_commits_and_both_chains_verify(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clinics = new[] { await database.ClinicAsync("A"), await database.ClinicAsync("B") };
        await using var group = new AuditGroupCommit(() => database.Context(ClinicScope.Admin));

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var clinic = clinics[i % 2].Id;
            await using var context = database.Context(ClinicScope.Of(clinic));
            await new AuditTrail(context, TimeProvider.System, group).WriteAsync(Read(clinic), TestDatabase.Cancel);

            // Answered: so the row is there for anyone who looks, from another connection.
            await using var other = database.Context(ClinicScope.Of(clinic));
            (await other.AuditEntries.CountAsync(TestDatabase.Cancel)).ShouldBeGreaterThan(0);
        })));

        group.Commits.ShouldBeLessThan(200, "rows that arrived together shared a transaction");
        foreach (var clinic in clinics)
        {
            await using var context = database.Context(ClinicScope.Of(clinic.Id));
            var verified = await TestDatabase.Audit(context).VerifyAsync(clinic.Id, TestDatabase.Cancel);
            verified.Ok.ShouldBeTrue(verified.Reason);
            verified.Entries.ShouldBe(100);
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_row_outside_the_callers_clinic_is_refused_before_it_is_queued(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");
        await using var group = new AuditGroupCommit(() => database.Context(ClinicScope.Admin));
        await using var context = database.Context(ClinicScope.Of(a.Id));

        await Should.ThrowAsync<ClinicScopeViolationException>(() => new AuditTrail(context, TimeProvider.System, group).WriteAsync(Read(b.Id), TestDatabase.Cancel));

        group.Commits.ShouldBe(0);
    }

    private static AuditRecord Read(Guid clinicId) =>
        new(clinicId, "user-1", AuditAction.Read, "patient", null, Guid.NewGuid(), AuditOutcome.Success, "127.0.0.1");
}
