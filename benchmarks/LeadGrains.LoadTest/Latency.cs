using System.Diagnostics;
using HdrHistogram;

namespace LeadGrains.LoadTest;

/// <summary>
/// Latencies in microseconds in an HdrHistogram (1 µs to 60 s, 3 significant digits: every percentile within
/// 0.1 % of the recorded value), one per worker so that recording takes no lock; merged at the end.
/// </summary>
public sealed class Latency
{
    private const long HighestMicroseconds = 60_000_000;
    private readonly LongHistogram _histogram = new(HighestMicroseconds, 3);

    public long Count => _histogram.TotalCount;

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp)
    {
        var microseconds = (Stopwatch.GetTimestamp() - startTimestamp) * 1_000_000 / Stopwatch.Frequency;
        _histogram.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));
    }

    public void Add(Latency other) => _histogram.Add(other._histogram);

    public LatencySummary Summarize() => _histogram.TotalCount == 0
        ? new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
        : new LatencySummary(
            _histogram.TotalCount,
            Milliseconds(_histogram.GetMean()),
            Milliseconds(_histogram.GetValueAtPercentile(50)),
            Milliseconds(_histogram.GetValueAtPercentile(90)),
            Milliseconds(_histogram.GetValueAtPercentile(99)),
            Milliseconds(_histogram.GetValueAtPercentile(99.9)),
            Milliseconds(_histogram.GetMaxValue()));

    private static double Milliseconds(double microseconds) => microseconds / 1000.0;
}

/// <summary>A histogram read out in milliseconds.</summary>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public override string ToString() => FormattableString.Invariant(
        $"p50 {P50Ms:F2} ms, p90 {P90Ms:F2} ms, p99 {P99Ms:F2} ms, p99.9 {P999Ms:F2} ms, max {MaxMs:F2} ms");
}
