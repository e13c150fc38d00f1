namespace LeadGrains.Domain.Reports.Views;

/// <param name="HandedOff">Handoffs in the window; each started a first-touch clock.</param>
/// <param name="Met">Clocks stopped by contact in time.</param>
/// <param name="Missed">Clocks breached, or stopped by contact after the deadline.</param>
/// <param name="Compliance">Met ÷ (met + missed): the share first-touched in time.</param>
public sealed record SlaFigures(long HandedOff, long Met, long Missed, long Breaches, long Warnings, double? Compliance, double? MedianFirstTouchSeconds, double? P90FirstTouchSeconds)
{
    public static SlaFigures Of(ReportCounters counters) => new(
        counters.HandedOff, counters.SlaMet, counters.SlaMissed, counters.Breaches, counters.Warnings,
        Ratio.Of(counters.SlaMet, counters.SlaMet + counters.SlaMissed),
        counters.TimeToFirstTouch.Percentile(0.5), counters.TimeToFirstTouch.Percentile(0.9));
}

public sealed record SlaBy(string Id, SlaFigures Figures);

/// <summary>First-touch service level in the window: overall, per rep and per pool.</summary>
public sealed record SlaReport(SlaFigures Overall, IReadOnlyList<SlaBy> Reps, IReadOnlyList<SlaBy> Pools) : ITabularReport
{
    public static SlaReport From(ReportData data) => new(
        SlaFigures.Of(data.Total()),
        [.. data.By(dims => dims.Rep).Where(group => group.Key.Length > 0).Select(group => new SlaBy(group.Key, SlaFigures.Of(group.Counters)))],
        [.. data.By(dims => dims.Pool).Where(group => group.Key.Length > 0).Select(group => new SlaBy(group.Key, SlaFigures.Of(group.Counters)))]);

    public ReportTable ToTable() => new(
        ["scope", "id", "handed_off", "met", "missed", "breaches", "warnings", "compliance", "median_first_touch_seconds", "p90_first_touch_seconds"],
        [Row("overall", "", Overall), .. Reps.Select(rep => Row("rep", rep.Id, rep.Figures)), .. Pools.Select(pool => Row("pool", pool.Id, pool.Figures))]);

    private static IReadOnlyList<object?> Row(string scope, string id, SlaFigures f) =>
        [scope, id, f.HandedOff, f.Met, f.Missed, f.Breaches, f.Warnings, f.Compliance, f.MedianFirstTouchSeconds, f.P90FirstTouchSeconds];
}
