using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Simulation;

/// <summary>
/// The first-touch load each rep would have carried: leads by priority, the busiest UTC day, and the most
/// first-touch clocks running at once had each lead waited its whole window (the worst case the SLA allows).
/// </summary>
public static class SlaLoad
{
    public static IReadOnlyList<RepSlaLoad> PerRep(IEnumerable<RoutedLead> routed, SlaConfig sla) =>
        [.. routed.Where(lead => lead.RepId is not null)
            .GroupBy(lead => lead.RepId!, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Of(group.Key, [.. group.Select(lead => lead.Lead)], sla))];

    private static RepSlaLoad Of(string repId, IReadOnlyList<ReadyLead> leads, SlaConfig sla)
    {
        var busiest = leads.GroupBy(lead => DateOnly.FromDateTime(lead.At.UtcDateTime))
            .OrderByDescending(day => day.Count()).ThenBy(day => day.Key)
            .First();
        return new RepSlaLoad(
            repId,
            leads.Count,
            leads.Count(lead => lead.Priority == LeadPriority.High),
            leads.Count(lead => lead.Priority == LeadPriority.Normal),
            busiest.Key,
            busiest.Count(),
            PeakOpenClocks(leads, sla));
    }

    /// <summary>A sweep over the clocks' windows: a clock ending at the moment another starts is not counted with it.</summary>
    private static int PeakOpenClocks(IReadOnlyList<ReadyLead> leads, SlaConfig sla)
    {
        var edges = leads
            .SelectMany(lead =>
            {
                var window = lead.Priority == LeadPriority.High ? sla.FirstTouch.High : sla.FirstTouch.Normal;
                return new[] { (At: lead.At, Delta: 1), (At: lead.At + window, Delta: -1) };
            })
            .OrderBy(edge => edge.At).ThenBy(edge => edge.Delta);
        int open = 0, peak = 0;
        foreach (var edge in edges)
        {
            open += edge.Delta;
            peak = Math.Max(peak, open);
        }
        return peak;
    }
}

/// <param name="BusiestDay">The UTC day with the most new first-touch clocks, and <paramref name="BusiestDayLeads"/> of them.</param>
/// <param name="PeakOpenClocks">The most first-touch clocks running at once had no lead been touched before its deadline.</param>
public sealed record RepSlaLoad(string RepId, int Leads, int High, int Normal, DateOnly BusiestDay, int BusiestDayLeads, int PeakOpenClocks);
