using BenchmarkDotNet.Attributes;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Benchmarks;

/// <summary>
/// The cost of scoring one event: the lead re-scores its whole history at the event's moment
/// (continuous decay, daily caps), so the cost grows with the number of activities it holds.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScoringModel Model = DefaultConfig.Scoring;
    private static readonly LeadProfile Profile = new()
    {
        Email = "ada@bigco.com", Title = "VP Engineering", Employees = 2500, Industry = "Software", Country = "US",
    };

    private List<ActivityRecord> _history = [];

    [Params(1, 10, 100)]
    public int Activities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var types = Model.Activities.Keys.Where(type => type != ActivityTypes.HardBounce && type != ActivityTypes.DemoRequest).ToArray();
        _history = [.. Enumerable.Range(0, Activities).Select(i => new ActivityRecord($"e{i}", types[i % types.Length], Now.AddHours(-7 * i)))];
    }

    [Benchmark(Baseline = true)]
    public LeadScore Score() => LeadScorer.Score(Profile, _history, Model, Now);

    [Benchmark]
    public LeadChange RecordActivity()
    {
        var lead = new Lead { LeadId = "l", Profile = Profile, Activities = [.. _history], Stage = LeadStage.Nurturing };
        return lead.RecordActivity(new ActivityRecord("new", ActivityTypes.PageView, Now), Model, Now);
    }
}
