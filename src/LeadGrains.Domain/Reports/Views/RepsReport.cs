using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports.Views;

/// <param name="Open">Leads the rep holds now (assigned, qualifying, working, opportunity), whatever the window.</param>
public sealed record RepPerformance(
    string RepId, long Open, long HandedOff, long Contacted, long Won, decimal Revenue, long Lost, long Rejected, long Returned, double? SlaCompliance);

/// <summary>Per rep: what they hold now, and what they did with their leads in the window.</summary>
public sealed record RepsReport(IReadOnlyList<RepPerformance> Reps) : ITabularReport
{
    private static readonly LeadStage[] Held = [LeadStage.Qualifying, LeadStage.Assigned, LeadStage.Working, LeadStage.Opportunity];

    public static RepsReport From(ReportData data)
    {
        var window = data.By(dims => dims.Rep).Where(group => group.Key.Length > 0).ToDictionary(group => group.Key, group => group.Counters, StringComparer.Ordinal);
        var open = data.Current.Where(pair => Held.Contains(pair.Key.Stage) && pair.Key.Dims.Rep.Length > 0)
            .GroupBy(pair => pair.Key.Dims.Rep, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal);
        return new RepsReport([.. window.Keys.Union(open.Where(pair => pair.Value > 0).Select(pair => pair.Key))
            .Order(StringComparer.Ordinal)
            .Select(rep => Of(rep, open.GetValueOrDefault(rep), window.GetValueOrDefault(rep) ?? new ReportCounters()))]);
    }

    private static RepPerformance Of(string rep, long open, ReportCounters c) => new(
        rep, open, c.HandedOff, c.Contacted, c.Won, c.Revenue, c.Lost.Values.Sum(), c.Rejected.Values.Sum(), c.Returned.Values.Sum(),
        Ratio.Of(c.SlaMet, c.SlaMet + c.SlaMissed));

    public ReportTable ToTable() => new(
        ["rep", "open", "handed_off", "contacted", "won", "revenue", "lost", "rejected", "returned", "sla_compliance"],
        [.. Reps.Select(r => (IReadOnlyList<object?>)[r.RepId, r.Open, r.HandedOff, r.Contacted, r.Won, r.Revenue, r.Lost, r.Rejected, r.Returned, r.SlaCompliance])]);
}
