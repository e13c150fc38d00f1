namespace LeadGrains.Grains.Reports;

/// <summary>
/// The last batch added from each silo's <see cref="ReportFeed"/>, stored with the counts it changed,
/// so that a batch resent after a lost answer is recognised and added once.
/// </summary>
[GenerateSerializer]
public sealed class AppliedBatches
{
    [Id(0)] public Dictionary<string, long> Last { get; set; } = new(StringComparer.Ordinal);

    public bool Contains(string feedId, long sequence) => Last.GetValueOrDefault(feedId) >= sequence;

    public void Add(string feedId, long sequence) => Last[feedId] = sequence;
}
