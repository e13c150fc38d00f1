using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports.Views;

/// <param name="Left">Leads that left the stage in the window.</param>
/// <param name="MedianSeconds">Median time they had spent in it, to two significant figures.</param>
public sealed record StageVelocity(string Stage, long Left, double? MedianSeconds, double? P90Seconds);

/// <summary>How long leads stay in each stage, measured as they leave it within the window.</summary>
public sealed record VelocityReport(IReadOnlyList<StageVelocity> Stages) : ITabularReport
{
    public static VelocityReport From(ReportData data)
    {
        var total = data.Total();
        var order = FunnelPath.Stages.Concat(FunnelPath.OffPath);
        return new VelocityReport([.. order
            .Where(total.TimeInStage.ContainsKey)
            .Select(stage => Of(stage, total.TimeInStage[stage]))]);
    }

    private static StageVelocity Of(LeadStage stage, DurationHistogram histogram) =>
        new(stage.WireName(), histogram.Total, histogram.Percentile(0.5), histogram.Percentile(0.9));

    public ReportTable ToTable() => new(
        ["stage", "left", "median_seconds", "p90_seconds"],
        [.. Stages.Select(stage => (IReadOnlyList<object?>)[stage.Stage, stage.Left, stage.MedianSeconds, stage.P90Seconds])]);
}
