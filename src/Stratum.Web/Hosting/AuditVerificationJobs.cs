using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Web.Security;

namespace Stratum.Web.Hosting;

/// <summary>Where a full verification of a clinic's chain stands: running with its progress, or done with its result.</summary>
public sealed record AuditVerificationJob(Guid ClinicId, string State, long Checked, long Total, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, AuditVerification? Result, string? Error);

/// <summary>
/// Full re-verifications of a clinic's chain, run in the background (one per clinic at a time) so that a million
/// entries never hold up a request; <c>/audit</c> and <c>GET /api/audit/verify/full</c> show the progress. The state
/// is this node's: another node shows its own jobs.
/// </summary>
public sealed class AuditVerificationJobs(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditVerificationJobs> logger)
{
    private readonly Dictionary<Guid, AuditVerificationJob> _jobs = [];

    public AuditVerificationJob? Status(Guid clinicId)
    {
        lock (_jobs)
        {
            return _jobs.GetValueOrDefault(clinicId);
        }
    }

    /// <summary>Starts a full verification unless one is running; answers the job either way.</summary>
    public AuditVerificationJob Start(Guid clinicId, long total)
    {
        lock (_jobs)
        {
            if (_jobs.TryGetValue(clinicId, out var running) && running.State == "running")
            {
                return running;
            }

            var job = new AuditVerificationJob(clinicId, "running", 0, total, time.GetUtcNow(), null, null, null);
            _jobs[clinicId] = job;
            _ = Task.Run(() => RunAsync(clinicId));
            return job;
        }
    }

    private async Task RunAsync(Guid clinicId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestClinicScope>().RunAsAdmin();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var result = await trail.VerifyAsync(clinicId, CancellationToken.None, full: true, new Progress(this, clinicId));
            Update(clinicId, job => job with { State = "done", Checked = result.Entries, FinishedAt = time.GetUtcNow(), Result = result });
        }
        catch (Exception e)
        {
            logger.LogError(e, "The full verification of clinic {Clinic}'s audit chain failed.", clinicId);
            Update(clinicId, job => job with { State = "failed", FinishedAt = time.GetUtcNow(), Error = e.Message });
        }
    }

    private void Update(Guid clinicId, Func<AuditVerificationJob, AuditVerificationJob> change)
    {
        lock (_jobs)
        {
            _jobs[clinicId] = change(_jobs[clinicId]);
        }
    }

    private sealed class Progress(AuditVerificationJobs jobs, Guid clinicId) : IProgress<long>
    {
        public void Report(long value) => jobs.Update(clinicId, job => job with { Checked = value });
    }
}
