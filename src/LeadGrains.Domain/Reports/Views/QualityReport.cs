namespace LeadGrains.Domain.Reports.Views;

/// <param name="QualityRate">Accepted ÷ handed off: the share of handoffs sales took up.</param>
public sealed record QualityFigures(
    long HandedOff, long Accepted, long Rejected, long Returned, double? QualityRate,
    IReadOnlyDictionary<string, long> RejectedReasons, IReadOnlyDictionary<string, long> ReturnedReasons)
{
    public static QualityFigures Of(ReportCounters counters) => new(
        counters.HandedOff, counters.Accepted, counters.Rejected.Values.Sum(), counters.Returned.Values.Sum(),
        Ratio.Of(counters.Accepted, counters.HandedOff),
        new SortedDictionary<string, long>(counters.Rejected, StringComparer.Ordinal),
        new SortedDictionary<string, long>(counters.Returned, StringComparer.Ordinal));
}

public sealed record SourceQuality(string Source, QualityFigures Figures);

/// <summary>Lead quality as sales judged it in the window: handed off against accepted, rejected and returned, with reasons, per source.</summary>
public sealed record QualityReport(QualityFigures Overall, IReadOnlyList<SourceQuality> Sources) : ITabularReport
{
    public static QualityReport From(ReportData data) => new(
        QualityFigures.Of(data.Total()),
        [.. data.By(dims => dims.Source)
            .Select(group => new SourceQuality(group.Key, QualityFigures.Of(group.Counters)))
            .Where(source => source.Figures.HandedOff + source.Figures.Rejected + source.Figures.Returned > 0)]);

    public ReportTable ToTable() => new(
        ["source", "handed_off", "accepted", "rejected", "returned", "quality_rate", "rejected_reasons", "returned_reasons"],
        [Row("(all)", Overall), .. Sources.Select(source => Row(source.Source, source.Figures))]);

    private static IReadOnlyList<object?> Row(string source, QualityFigures f) =>
        [source, f.HandedOff, f.Accepted, f.Rejected, f.Returned, f.QualityRate, Reasons(f.RejectedReasons), Reasons(f.ReturnedReasons)];

    private static string Reasons(IReadOnlyDictionary<string, long> reasons) => string.Join("; ", reasons.Select(pair => $"{pair.Key}={pair.Value}"));
}
