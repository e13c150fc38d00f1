using System.Diagnostics;
using System.Threading.Channels;
using LeadGrains.LoadTest.Workloads;

namespace LeadGrains.LoadTest;

/// <summary>
/// Drives a workload for a fixed time. Closed loop (<see cref="LoadOptions.Rate"/> 0): each of
/// <see cref="LoadOptions.Concurrency"/> workers sends its next request when the last one is answered, so the rate is
/// what the server sustains at that concurrency, and latency is each request's own time. Open loop (rate above 0):
/// requests fall due at a fixed arrival rate whether or not earlier ones were answered, and latency runs from the
/// time each was due, not the time a worker got round to sending it, so a stall counts against every request that
/// waited behind it (no coordinated omission). At most <see cref="LoadOptions.Concurrency"/> are in flight; requests
/// still waiting once the run ends are given <see cref="Drain"/> to finish, and any left are counted as not sent.
/// </summary>
public sealed class LoadRunner(IWorkload workload, LoadOptions options)
{
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    public Task<RunStats> RunAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        options.Rate > 0 ? OpenLoopAsync(duration, cancellationToken) : ClosedLoopAsync(duration, cancellationToken);

    private async Task<RunStats> ClosedLoopAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            var stats = new WorkerStats(workload.Kinds.Count);
            while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                await SendAsync(stats, sent, sent, cancellationToken);
            }
            return stats;
        }, cancellationToken)).ToArray();
        return RunStats.Of(await Task.WhenAll(workers), Stopwatch.GetElapsedTime(start), notSent: 0);
    }

    private async Task<RunStats> OpenLoopAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var due = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true });
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var giveUp = end + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        var interval = Stopwatch.Frequency / options.Rate;
        long notSent = 0;
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            var stats = new WorkerStats(workload.Kinds.Count);
            await foreach (var dueAt in due.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (Stopwatch.GetTimestamp() > giveUp || cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref notSent);
                    continue;
                }
                await SendAsync(stats, dueAt, Stopwatch.GetTimestamp(), cancellationToken);
            }
            return stats;
        }, CancellationToken.None)).ToArray();

        // The schedule: request n is due at start + n / rate. The timer wakes about once a millisecond and releases
        // every request that has fallen due since, so a request can go out up to a timer tick after it was due;
        // that tick counts in its latency (it is measured from the due time), which errs on the side of the server.
        long n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
            {
                break;
            }
            for (var dueAt = start + (long)(n * interval); dueAt <= now && dueAt < end; dueAt = start + (long)(n * interval))
            {
                due.Writer.TryWrite(dueAt);
                n++;
            }
            await Task.Delay(1, CancellationToken.None);
        }
        due.Writer.Complete();
        var stats = await Task.WhenAll(workers);
        return RunStats.Of(stats, TimeSpan.FromSeconds((double)(end - start) / Stopwatch.Frequency), Interlocked.Read(ref notSent), scheduled: n);
    }

    private async Task SendAsync(WorkerStats stats, long dueAt, long sentAt, CancellationToken cancellationToken)
    {
        try
        {
            stats.Record(await workload.SendAsync(cancellationToken), dueAt, sentAt);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            stats.RecordFailure();
        }
    }
}

/// <summary>A run's merged statistics.</summary>
public sealed record RunStats(WorkerStats Totals, TimeSpan Elapsed, long NotSent, long Scheduled)
{
    public static RunStats Of(IReadOnlyList<WorkerStats> workers, TimeSpan elapsed, long notSent, long scheduled = 0)
    {
        var totals = new WorkerStats(workers[0].ByKind.Length);
        foreach (var worker in workers)
        {
            totals.Add(worker);
        }
        return new RunStats(totals, elapsed, notSent, scheduled);
    }
}
