using LeadGrains.Domain.Reports;

namespace LeadGrains.Domain.Tests.Reports;

public sealed class DurationHistogramTests
{
    [Theory]
    [InlineData(0.4, 0)]
    [InlineData(7, 7)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(615, 620)]
    [InlineData(7_234, 7_200)]
    [InlineData(995, 1_000)]
    [InlineData(1_296_000, 1_300_000)]
    public void Keeps_whole_seconds_to_two_significant_figures(double seconds, long kept)
    {
        Assert.Equal(kept, DurationHistogram.Key(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Percentiles_are_nearest_rank_over_the_kept_values()
    {
        var histogram = new DurationHistogram();
        foreach (var seconds in new[] { 300, 300, 600, 900, 300 })
        {
            histogram.Record(TimeSpan.FromSeconds(seconds));
        }

        Assert.Equal(300, histogram.Percentile(0.5));
        Assert.Equal(900, histogram.Percentile(0.9));
        Assert.Equal(300, histogram.Percentile(0.6));
        Assert.Equal(600, histogram.Percentile(0.8));
        Assert.Null(new DurationHistogram().Percentile(0.5));
    }

    [Fact]
    public void Merging_adds_counts_so_size_depends_on_the_spread_not_the_number()
    {
        var total = new DurationHistogram();
        for (var i = 0; i < 10_000; i++)
        {
            var part = new DurationHistogram();
            part.Record(TimeSpan.FromSeconds(i % 30));
            total.Merge(part);
        }

        Assert.Equal(10_000, total.Total);
        Assert.Equal(30, total.Counts.Count);
    }
}
