using System.Threading.Channels;

namespace Stratum.Data.Audit;

/// <summary>
/// Writes the audit rows of reads and refusals (rows with no other change beside them) in groups: whatever arrives
/// while one group commits goes into the next, in one transaction with one move of each clinic's chain head. Each
/// caller's task completes only once the transaction holding its row has committed, so a read is answered only
/// after its audit row is durable (DESIGN §8), and many concurrent reads share one commit instead of queueing for one each.
/// </summary>
public sealed class AuditGroupCommit : IAsyncDisposable
{
    /// <summary>The most rows one transaction takes; a longer queue goes on in the next.</summary>
    public const int MaxGroup = 512;

    private readonly Func<StratumDbContext> _context;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="context">Makes a context in the admin scope: one group may hold rows of several clinics.</param>
    public AuditGroupCommit(Func<StratumDbContext> context)
    {
        _context = context;
        _writer = Task.Run(WriteAsync);
    }

    private long _commits;

    /// <summary>How many transactions the rows so far took: fewer than the rows whenever reads arrived together.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Completes when the row is committed; fails with the error that stopped its group.</summary>
    public Task AppendAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var pending = new Pending(record, at, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AuditGroupCommit), "The audit writer has stopped: the host is shutting down.");
        }

        // A caller that gives up still has its row written: the read it records has happened.
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            try
            {
                await using var db = _context();
                foreach (var pending in group)
                {
                    db.QueueAudit(pending.Record, pending.At);
                }

                await db.SaveChangesAsync();
                Interlocked.Increment(ref _commits);
                group.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception e)
            {
                group.ForEach(p => p.Committed.TrySetException(e));
            }

            group.Clear();
        }
    }

    private sealed record Pending(AuditRecord Record, DateTimeOffset At, TaskCompletionSource Committed);
}
