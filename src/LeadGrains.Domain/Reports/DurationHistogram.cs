namespace LeadGrains.Domain.Reports;

/// <summary>
/// Durations kept to two significant figures of a second (exact below 100 s), so that a histogram's
/// size depends on the spread of durations, never on how many were recorded. Percentiles are
/// nearest-rank over the recorded values as kept.
/// </summary>
[GenerateSerializer]
public sealed class DurationHistogram
{
    [Id(0)] public Dictionary<long, long> Counts { get; set; } = [];

    public long Total => Counts.Values.Sum();

    public void Record(TimeSpan duration) => Add(Key(duration), 1);

    public void Merge(DurationHistogram other)
    {
        foreach (var (key, count) in other.Counts)
        {
            Add(key, count);
        }
    }

    /// <summary>The smallest kept value with at least <paramref name="percentile"/> of the records at or below it; null when empty.</summary>
    public double? Percentile(double percentile)
    {
        var total = Total;
        if (total == 0)
        {
            return null;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(percentile * total));
        var seen = 0L;
        foreach (var (seconds, count) in Counts.OrderBy(pair => pair.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return seconds;
            }
        }
        return Counts.Keys.Max();
    }

    /// <summary>Whole seconds, rounded to two significant figures from 100 s up.</summary>
    public static long Key(TimeSpan duration)
    {
        var seconds = (long)Math.Round(Math.Max(0, duration.TotalSeconds), MidpointRounding.AwayFromZero);
        var scale = 1L;
        while (seconds / scale >= 100)
        {
            scale *= 10;
        }
        return (long)Math.Round((double)seconds / scale, MidpointRounding.AwayFromZero) * scale;
    }

    private void Add(long key, long count) => Counts[key] = Counts.GetValueOrDefault(key) + count;
}
