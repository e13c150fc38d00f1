using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports.Views;

/// <param name="Lift">Share among won leads ÷ share among all leads: above 1, over-represented among wins.</param>
public sealed record FeatureLift(string Feature, long Won, long All, double WonShare, double AllShare, double Lift);

/// <summary>
/// The won-customer profile of the leads captured in the window: the features (<see cref="ProfileFeatures"/>)
/// over-represented among won leads against all leads, with at least <see cref="MinSupport"/> won leads each.
/// </summary>
public sealed record ProfileReport(long WonLeads, long AllLeads, int MinSupport, IReadOnlyList<FeatureLift> Features) : ITabularReport
{
    public const int DefaultMinSupport = 3;

    public static ProfileReport From(ReportData data, int minSupport = DefaultMinSupport)
    {
        var total = data.Total();
        var all = total.ReachedCount(LeadStage.Captured);
        var won = total.ReachedCount(LeadStage.Won);
        var features = won == 0 || all == 0 ? [] : total.WonFeatures
            .Where(pair => pair.Value >= minSupport && total.Features.GetValueOrDefault(pair.Key) > 0)
            .Select(pair =>
            {
                var inAll = total.Features[pair.Key];
                var wonShare = (double)pair.Value / won;
                var allShare = (double)inAll / all;
                return new FeatureLift(pair.Key, pair.Value, inAll, Round(wonShare), Round(allShare), Round(wonShare / allShare));
            })
            .Where(feature => feature.Lift > 1)
            .OrderByDescending(feature => feature.Lift)
            .ThenByDescending(feature => feature.Won)
            .ThenBy(feature => feature.Feature, StringComparer.Ordinal)
            .ToList();
        return new ProfileReport(won, all, minSupport, features);
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    public ReportTable ToTable() => new(
        ["feature", "won", "all", "won_share", "all_share", "lift"],
        [.. Features.Select(f => (IReadOnlyList<object?>)[f.Feature, f.Won, f.All, f.WonShare, f.AllShare, f.Lift])]);
}
