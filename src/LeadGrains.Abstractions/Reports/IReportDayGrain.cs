using LeadGrains.Domain.Reports;

namespace LeadGrains.Abstractions.Reports;

/// <summary>
/// The report counts of one UTC day, keyed <c>yyyy-MM-dd</c>. Silos add what they gathered in
/// numbered batches; a batch already added (a retry after a lost answer) is ignored, so nothing is
/// counted twice.
/// </summary>
public interface IReportDayGrain : IGrainWithStringKey
{
    Task AddAsync(string feedId, long sequence, Dictionary<ReportDims, ReportCounters> buckets);

    [ReadOnly]
    Task<IReadOnlyList<ReportBucket>> ReadAsync(ReportFilter filter);

    public static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How many leads sit in each stage now, by dimensions: one grain for the cluster.</summary>
public interface ICurrentLeadsGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task AddAsync(string feedId, long sequence, Dictionary<ReportSlot, long> moves);

    [ReadOnly]
    Task<Dictionary<ReportSlot, long>> ReadAsync();
}
