using System.Diagnostics;
using System.Globalization;

namespace LeadGrains.LoadTest;

/// <summary>Throughput and latency percentiles of one measured run, from every request's latency, sorted.</summary>
public sealed class LatencyReport(IEnumerable<List<long>> perWorkerTicks, long errors, TimeSpan elapsed)
{
    private readonly long[] _sorted = [.. perWorkerTicks.SelectMany(ticks => ticks).Order()];

    public long Requests => _sorted.Length;
    public long Errors => errors;
    public double Rate => Requests / elapsed.TotalSeconds;

    public double PercentileMs(double percentile)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var index = (int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1;
        return _sorted[Math.Clamp(index, 0, _sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>One <c>key=value</c> line for scripts, then the same for people.</summary>
    public string Format(string mode, int concurrency) => string.Create(CultureInfo.InvariantCulture,
        $"""
        result mode={mode} concurrency={concurrency} seconds={elapsed.TotalSeconds:F1} requests={Requests} errors={Errors} rate={Rate:F1} p50_ms={PercentileMs(50):F2} p90_ms={PercentileMs(90):F2} p99_ms={PercentileMs(99):F2} max_ms={PercentileMs(100):F2}
        {mode}: {Rate:F1} acknowledged req/s over {elapsed.TotalSeconds:F1} s with {concurrency} concurrent requests ({Errors} errors); latency p50 {PercentileMs(50):F2} ms, p90 {PercentileMs(90):F2} ms, p99 {PercentileMs(99):F2} ms, max {PercentileMs(100):F2} ms
        """);
}
