using System.Diagnostics;

namespace LeadGrains.Benchmarks.InProcess;

/// <summary>Latencies of a run, kept whole (a run here is small) and read as percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _lock = new();

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await operation();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        lock (_lock)
        {
            _milliseconds.Add(elapsed);
        }
        return result;
    }

    public int Count => _milliseconds.Count;

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public string Summary() =>
        $"p50 {Percentile(50):F3} ms, p90 {Percentile(90):F3} ms, p99 {Percentile(99):F3} ms, max {Percentile(100):F3} ms";
}
