using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports.Views;

public sealed record SourceOutcome(string Source, string Campaign, long Leads, long SalesReady, long Won, decimal Revenue, double? LeadToWon);

/// <summary>Source and campaign → sales-ready → won and revenue, for the leads captured in the window.</summary>
public sealed record SourcesReport(IReadOnlyList<SourceOutcome> Sources) : ITabularReport
{
    public static SourcesReport From(ReportData data) => new([.. data.By(dims => $"{dims.Source}\n{dims.Campaign}")
        .Select(group => (Key: group.Key.Split('\n'), group.Counters))
        .Select(group => new SourceOutcome(
            group.Key[0], group.Key[1],
            group.Counters.ReachedCount(LeadStage.Captured),
            group.Counters.ReachedCount(LeadStage.SalesReady),
            group.Counters.ReachedCount(LeadStage.Won),
            group.Counters.WonRevenue,
            Ratio.Of(group.Counters.ReachedCount(LeadStage.Won), group.Counters.ReachedCount(LeadStage.Captured))))
        .Where(source => source.Leads > 0 || source.SalesReady > 0 || source.Won > 0)
        .OrderByDescending(source => source.Revenue)
        .ThenBy(source => source.Source, StringComparer.Ordinal)
        .ThenBy(source => source.Campaign, StringComparer.Ordinal)]);

    public ReportTable ToTable() => new(
        ["source", "campaign", "leads", "sales_ready", "won", "revenue", "lead_to_won"],
        [.. Sources.Select(s => (IReadOnlyList<object?>)[s.Source, s.Campaign, s.Leads, s.SalesReady, s.Won, s.Revenue, s.LeadToWon])]);
}
