using LeadGrains.Abstractions.Reports;
using LeadGrains.Domain.Reports;

namespace LeadGrains.Grains.Reports;

/// <summary>
/// Reads what reports are computed from: one read-only call per day of the window and one for the
/// current leads, after this silo's own pending facts are added. Other silos' facts are at most a
/// flush interval (1 s) behind.
/// </summary>
public sealed class ReportReader(IGrainFactory grains, ReportFeed feed)
{
    public const int MaxDays = 366;

    public async Task<ReportData> ReadAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        await feed.FlushAsync(cancellationToken);
        var days = filter.Days().Select(day => grains.GetGrain<IReportDayGrain>(IReportDayGrain.Key(day)).ReadAsync(filter)).ToList();
        var current = grains.GetGrain<ICurrentLeadsGrain>(ICurrentLeadsGrain.Key).ReadAsync();
        await Task.WhenAll(days);
        return new ReportData(filter, days.SelectMany(day => day.Result), await current);
    }
}
