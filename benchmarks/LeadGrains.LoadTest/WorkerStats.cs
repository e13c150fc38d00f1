using LeadGrains.LoadTest.Workloads;

namespace LeadGrains.LoadTest;

/// <summary>What one worker saw; each worker has its own, so recording takes no lock, and they are merged at the end.</summary>
public sealed class WorkerStats
{
    public WorkerStats(int kinds)
    {
        ByKind = [.. Enumerable.Range(0, kinds).Select(_ => new Latency())];
        MarkedByKind = new long[kinds];
        OkByKind = new long[kinds];
    }

    /// <summary>Every answered 2xx request; in an open loop, from the time it was due to be sent.</summary>
    public Latency All { get; } = new();
    /// <summary>Open loop only: from the time it was actually sent (what a closed loop measures).</summary>
    public Latency Service { get; } = new();
    public Latency[] ByKind { get; }
    public long[] OkByKind { get; }
    public long[] MarkedByKind { get; }
    public long Ok { get; private set; }
    public long Errors { get; private set; }
    public long Throttled { get; private set; }
    public long Lines { get; private set; }
    public long RejectedLines { get; private set; }
    public SortedDictionary<int, long> Statuses { get; } = [];

    public void Record(Outcome outcome, long dueTimestamp, long sentTimestamp)
    {
        Statuses[outcome.Status] = Statuses.GetValueOrDefault(outcome.Status) + 1;
        if (!outcome.Ok)
        {
            Errors++;
            Throttled += outcome.Status == 429 ? 1 : 0;
            return;
        }
        All.RecordSince(dueTimestamp);
        if (dueTimestamp != sentTimestamp)
        {
            Service.RecordSince(sentTimestamp);
        }
        ByKind[outcome.Kind].RecordSince(dueTimestamp);
        OkByKind[outcome.Kind]++;
        MarkedByKind[outcome.Kind] += outcome.Marked ? 1 : 0;
        Ok++;
        Lines += outcome.Lines;
        RejectedLines += outcome.RejectedLines;
    }

    /// <summary>A request that got no answer at all (refused connection, timeout).</summary>
    public void RecordFailure() => Record(new Outcome(0, 0), 0, 0);

    public void Add(WorkerStats other)
    {
        All.Add(other.All);
        Service.Add(other.Service);
        for (var i = 0; i < ByKind.Length; i++)
        {
            ByKind[i].Add(other.ByKind[i]);
            OkByKind[i] += other.OkByKind[i];
            MarkedByKind[i] += other.MarkedByKind[i];
        }
        Ok += other.Ok;
        Errors += other.Errors;
        Throttled += other.Throttled;
        Lines += other.Lines;
        RejectedLines += other.RejectedLines;
        foreach (var (status, count) in other.Statuses)
        {
            Statuses[status] = Statuses.GetValueOrDefault(status) + count;
        }
    }
}
