namespace LeadGrains.Domain.Reports;

/// <summary>
/// Facts not yet added to the stored aggregates: counters by day and dimensions, and the moves of
/// leads between open-lead slots. Deltas merge, so a silo gathers many changes into one.
/// </summary>
[GenerateSerializer]
public sealed class ReportDelta
{
    [Id(0)] public Dictionary<DateOnly, Dictionary<ReportDims, ReportCounters>> Days { get; set; } = [];
    /// <summary>Open leads by slot: +1 where a lead now counts, −1 where it counted before.</summary>
    [Id(1)] public Dictionary<ReportSlot, long> Open { get; set; } = [];

    public bool IsEmpty => Days.Count == 0 && Open.Count == 0;

    public ReportCounters At(DateTimeOffset at, ReportDims dims) => At(DateOnly.FromDateTime(at.UtcDateTime), dims);

    public ReportCounters At(DateOnly day, ReportDims dims)
    {
        if (!Days.TryGetValue(day, out var buckets))
        {
            Days[day] = buckets = [];
        }
        if (!buckets.TryGetValue(dims, out var counters))
        {
            buckets[dims] = counters = new ReportCounters();
        }
        return counters;
    }

    public void Move(ReportSlot? from, ReportSlot to)
    {
        if (from == to)
        {
            return;
        }
        if (from is { } previous)
        {
            AddOpen(previous, -1);
        }
        AddOpen(to, 1);
    }

    public void Merge(ReportDelta other)
    {
        foreach (var (day, buckets) in other.Days)
        {
            foreach (var (dims, counters) in buckets)
            {
                At(day, dims).Merge(counters);
            }
        }
        foreach (var (slot, count) in other.Open)
        {
            AddOpen(slot, count);
        }
    }

    private void AddOpen(ReportSlot slot, long count)
    {
        var total = Open.GetValueOrDefault(slot) + count;
        if (total == 0)
        {
            Open.Remove(slot);
        }
        else
        {
            Open[slot] = total;
        }
    }
}
