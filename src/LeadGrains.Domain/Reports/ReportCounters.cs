using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports;

/// <summary>
/// The counts kept for one UTC day and one set of <see cref="ReportDims"/>. Two clocks file facts:
/// the <em>cohort</em> fields count what the leads captured on that day went on to do (funnel,
/// sources, profile); the <em>event</em> fields count what happened on that day (velocity, SLA,
/// quality, reps). Everything adds up, so buckets merge by addition.
/// </summary>
[GenerateSerializer]
public sealed class ReportCounters
{
    // Cohort: filed under the day the lead was captured.

    /// <summary>Leads that reached each stage (for the main path: that stage or a later one), each lead once.</summary>
    [Id(0)] public Dictionary<LeadStage, long> Reached { get; set; } = [];
    [Id(1)] public decimal WonRevenue { get; set; }
    /// <summary>Returns to marketing by reason (<c>rejected</c>, <c>returned</c>, <c>stalled</c>, …).</summary>
    [Id(2)] public Dictionary<string, long> Recycled { get; set; } = [];
    /// <summary>Stall recycles by the stage the lead stalled in.</summary>
    [Id(3)] public Dictionary<LeadStage, long> Stalls { get; set; } = [];
    /// <summary>Profile features of every lead as captured (<see cref="ProfileFeatures"/>).</summary>
    [Id(4)] public Dictionary<string, long> Features { get; set; } = [];
    /// <summary>Profile features of every lead as won.</summary>
    [Id(5)] public Dictionary<string, long> WonFeatures { get; set; } = [];

    // Event: filed under the day it happened.

    /// <summary>How long leads stayed in a stage, filed when they left it.</summary>
    [Id(6)] public Dictionary<LeadStage, DurationHistogram> TimeInStage { get; set; } = [];
    /// <summary>Handoffs to a rep (first routing and every reassignment); each starts a first-touch clock.</summary>
    [Id(7)] public long HandedOff { get; set; }
    [Id(8)] public long Reassigned { get; set; }
    /// <summary>Handoffs the rep took up: accepted, or worked (contacted, opportunity, closed) without an explicit accept.</summary>
    [Id(9)] public long Accepted { get; set; }
    [Id(10)] public Dictionary<string, long> Rejected { get; set; } = [];
    [Id(11)] public Dictionary<string, long> Returned { get; set; } = [];
    [Id(12)] public long Contacted { get; set; }
    [Id(13)] public long Won { get; set; }
    [Id(14)] public decimal Revenue { get; set; }
    [Id(15)] public Dictionary<string, long> Lost { get; set; } = [];
    /// <summary>First-touch clocks ended by contact in time.</summary>
    [Id(16)] public long SlaMet { get; set; }
    /// <summary>First-touch clocks ended by contact after the deadline, before the breach was acted on.</summary>
    [Id(17)] public long SlaLate { get; set; }
    [Id(18)] public long Breaches { get; set; }
    [Id(19)] public long Warnings { get; set; }
    /// <summary>From handoff to the contact that ended the first-touch clock.</summary>
    [Id(20)] public DurationHistogram TimeToFirstTouch { get; set; } = new();

    public long SlaMissed => SlaLate + Breaches;

    public void Merge(ReportCounters other)
    {
        AddAll(Reached, other.Reached);
        WonRevenue += other.WonRevenue;
        AddAll(Recycled, other.Recycled);
        AddAll(Stalls, other.Stalls);
        AddAll(Features, other.Features);
        AddAll(WonFeatures, other.WonFeatures);
        foreach (var (stage, histogram) in other.TimeInStage)
        {
            TimeIn(stage).Merge(histogram);
        }
        HandedOff += other.HandedOff;
        Reassigned += other.Reassigned;
        Accepted += other.Accepted;
        AddAll(Rejected, other.Rejected);
        AddAll(Returned, other.Returned);
        Contacted += other.Contacted;
        Won += other.Won;
        Revenue += other.Revenue;
        AddAll(Lost, other.Lost);
        SlaMet += other.SlaMet;
        SlaLate += other.SlaLate;
        Breaches += other.Breaches;
        Warnings += other.Warnings;
        TimeToFirstTouch.Merge(other.TimeToFirstTouch);
    }

    public DurationHistogram TimeIn(LeadStage stage)
    {
        if (!TimeInStage.TryGetValue(stage, out var histogram))
        {
            TimeInStage[stage] = histogram = new DurationHistogram();
        }
        return histogram;
    }

    public long ReachedCount(LeadStage stage) => Reached.GetValueOrDefault(stage);

    public static void Add<TKey>(Dictionary<TKey, long> counts, TKey key, long count = 1) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + count;

    private static void AddAll<TKey>(Dictionary<TKey, long> into, Dictionary<TKey, long> from) where TKey : notnull
    {
        foreach (var (key, count) in from)
        {
            Add(into, key, count);
        }
    }
}
