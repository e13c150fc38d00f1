using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports;

/// <summary>The counts of one day and one set of dimensions (copied when sent: the counters are mutable).</summary>
[GenerateSerializer]
public sealed record ReportBucket([property: Id(0)] DateOnly Day, [property: Id(1)] ReportDims Dims, [property: Id(2)] ReportCounters Counters);

/// <summary>
/// What every report is computed from: the buckets of the window that pass the filter, and the
/// current leads by slot that pass it. Its size depends on days and dimensions, not on leads.
/// </summary>
public sealed class ReportData(ReportFilter filter, IEnumerable<ReportBucket> buckets, IReadOnlyDictionary<ReportSlot, long> current)
{
    public ReportFilter Filter { get; } = filter;
    public IReadOnlyList<ReportBucket> Buckets { get; } = [.. buckets.Where(bucket => bucket.Day >= filter.From && bucket.Day <= filter.To && filter.Matches(bucket.Dims))];
    public IReadOnlyDictionary<ReportSlot, long> Current { get; } = current.Where(pair => filter.Matches(pair.Key.Dims)).ToDictionary();

    public ReportCounters Total() => Sum(Buckets);

    /// <summary>The window's counts grouped by a dimension, in key order; empty keys are kept (they mean "none").</summary>
    public IEnumerable<(string Key, ReportCounters Counters)> By(Func<ReportDims, string> key) =>
        Buckets.GroupBy(bucket => key(bucket.Dims), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, Sum(group)));

    /// <summary>Leads in <paramref name="stage"/> now, whatever the window.</summary>
    public long CurrentIn(LeadStage stage) => Current.Where(pair => pair.Key.Stage == stage).Sum(pair => pair.Value);

    private static ReportCounters Sum(IEnumerable<ReportBucket> buckets)
    {
        var total = new ReportCounters();
        foreach (var bucket in buckets)
        {
            total.Merge(bucket.Counters);
        }
        return total;
    }
}

/// <summary>A report as rows and columns, for <c>text/csv</c>.</summary>
public sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Every report can be read as a table.</summary>
public interface ITabularReport
{
    ReportTable ToTable();
}

public static class Ratio
{
    /// <summary>A share to four decimals, or null when there is nothing to divide by.</summary>
    public static double? Of(decimal part, decimal whole) => whole == 0 ? null : Math.Round((double)(part / whole), 4, MidpointRounding.AwayFromZero);
}
