using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports.Views;

/// <param name="Reached">Leads captured in the window that reached this stage or a later one on the path.</param>
/// <param name="ConversionToNext">Of those, the share that reached the next stage; null at the end or when none reached this one.</param>
public sealed record FunnelStage(string Stage, long Reached, double? ConversionToNext);

public sealed record OffPathStage(string Stage, long Reached);

/// <summary>The step with the lowest conversion (ties: most stalls), where the funnel loses most.</summary>
public sealed record Bottleneck(string Stage, string Next, double Conversion, long Stalls);

/// <summary>
/// The funnel of the leads captured in the window (a cohort): how far they got, stage-to-stage
/// conversion, why leads went back to marketing, where they stalled, and the bottleneck.
/// </summary>
public sealed record FunnelReport(
    IReadOnlyList<FunnelStage> Stages,
    IReadOnlyList<OffPathStage> OffPath,
    IReadOnlyDictionary<string, long> Recycled,
    IReadOnlyDictionary<string, long> Stalls,
    Bottleneck? Bottleneck) : ITabularReport
{
    public static FunnelReport From(ReportData data)
    {
        var total = data.Total();
        var path = FunnelPath.Stages;
        var stages = path.Select((stage, i) => new FunnelStage(
            stage.WireName(),
            total.ReachedCount(stage),
            i + 1 < path.Count ? Ratio.Of(total.ReachedCount(path[i + 1]), total.ReachedCount(stage)) : null)).ToList();
        var stalls = total.Stalls.Where(pair => pair.Value > 0).ToDictionary(pair => pair.Key.WireName(), pair => pair.Value);
        var bottleneck = stages.Take(stages.Count - 1)
            .Select((stage, i) => (Stage: stage, Next: stages[i + 1], Stalls: stalls.GetValueOrDefault(stage.Stage)))
            .Where(step => step.Stage.ConversionToNext is not null)
            .OrderBy(step => step.Stage.ConversionToNext)
            .ThenByDescending(step => step.Stalls)
            .Select(step => new Bottleneck(step.Stage.Stage, step.Next.Stage, step.Stage.ConversionToNext!.Value, step.Stalls))
            .FirstOrDefault();
        return new FunnelReport(
            stages,
            [.. FunnelPath.OffPath.Select(stage => new OffPathStage(stage.WireName(), total.ReachedCount(stage)))],
            new SortedDictionary<string, long>(total.Recycled, StringComparer.Ordinal),
            new SortedDictionary<string, long>(stalls, StringComparer.Ordinal),
            bottleneck);
    }

    public ReportTable ToTable() => new(
        ["stage", "reached", "conversion_to_next", "stalls", "bottleneck"],
        [.. Stages.Select(stage => (IReadOnlyList<object?>)[stage.Stage, stage.Reached, stage.ConversionToNext, Stalls.GetValueOrDefault(stage.Stage), Bottleneck?.Stage == stage.Stage]),
         .. OffPath.Select(stage => (IReadOnlyList<object?>)[stage.Stage, stage.Reached, null, Stalls.GetValueOrDefault(stage.Stage), false])]);
}
