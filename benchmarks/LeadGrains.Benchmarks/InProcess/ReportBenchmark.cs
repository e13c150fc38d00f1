using System.Diagnostics;
using System.Globalization;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reports;
using LeadGrains.Domain.Reports.Views;
using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Sla;
using LeadGrains.Grains.Hosting;
using LeadGrains.Grains.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Benchmarks.InProcess;

/// <summary>
/// Report latency against the number of leads behind it. For each lead count, a fresh silo takes
/// the report facts of that many synthetic leads, each run through the real lifecycle (<see cref="Lead"/>
/// and <see cref="ReportFacts"/>) and added through the real <see cref="ReportFeed"/> to the day
/// grains; the lead grains themselves are not kept (a report never reads them). Then every report
/// is read repeatedly over a 30-day window through <see cref="ReportReader"/>, as the API reads it.
/// </summary>
public static class ReportBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = ["webinar", "paid_search", "organic"];
    private static readonly string[] Campaigns = ["spring", "brand"];
    private static readonly string[] Pools = ["na", "emea", "apac"];
    private static readonly string[] Industries = ["software", "retail", "healthcare", "manufacturing"];

    private static readonly (string Name, Func<ReportData, object> Build)[] Reports =
    [
        ("funnel", data => FunnelReport.From(data)),
        ("velocity", data => VelocityReport.From(data)),
        ("sla", data => SlaReport.From(data)),
        ("quality", data => QualityReport.From(data)),
        ("sources", data => SourcesReport.From(data)),
        ("reps", data => RepsReport.From(data)),
        ("forecast", data => ForecastReport.From(data)),
        ("profile", data => ProfileReport.From(data)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var counts = args.Length > 0 ? args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray() : [10_000, 1_000_000];
        Console.WriteLine("| leads | buckets read | report | p50 ms | p99 ms |");
        Console.WriteLine("|---:|---:|---|---:|---:|");
        foreach (var count in counts)
        {
            await RunOnceAsync(count);
        }
        return 0;
    }

    private static async Task RunOnceAsync(int leads)
    {
        using var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo.UseLocalhostClustering().AddLeadGrains().AddLeadGrainsMemoryStorage())
            .Build();
        await host.StartAsync();
        var feed = host.Services.GetRequiredService<ReportFeed>();
        var reader = host.Services.GetRequiredService<ReportReader>();

        var clock = Stopwatch.StartNew();
        var random = new Random(7);
        for (var i = 0; i < leads; i++)
        {
            var delta = new ReportDelta();
            Live(i, random, delta);
            feed.Add(delta);
            if (i % 20_000 == 0)
            {
                await feed.FlushAsync();
            }
        }
        await feed.FlushAsync();
        Console.Error.WriteLine($"{leads:N0} leads' facts added in {clock.Elapsed.TotalSeconds:F1} s");

        var filter = new ReportFilter(DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime).AddDays(29));
        var buckets = (await reader.ReadAsync(filter)).Buckets.Count;
        foreach (var (name, build) in Reports)
        {
            var latencies = new LatencyRecorder();
            for (var run = 0; run < 10; run++)
            {
                build(await reader.ReadAsync(filter));
            }
            for (var run = 0; run < 200; run++)
            {
                await latencies.TimeAsync(async () => build(await reader.ReadAsync(filter)));
            }
            Console.WriteLine($"| {leads:N0} | {buckets:N0} | {name} | {latencies.Percentile(50):F2} | {latencies.Percentile(99):F2} |");
        }
        await host.StopAsync();
    }

    /// <summary>One synthetic lead's whole life, recorded as the lead grain records it.</summary>
    private static void Live(int index, Random random, ReportDelta delta)
    {
        var now = Start.AddDays(random.Next(30)).AddMinutes(random.Next(600));
        var lead = new Lead();
        void Record(LeadChange change) => ReportFacts.Record(lead, change, delta);
        var profile = new LeadProfile
        {
            Email = $"lead{index}@example.com",
            Source = Sources[random.Next(Sources.Length)],
            Campaign = Campaigns[random.Next(Campaigns.Length)],
            Industry = Industries[random.Next(Industries.Length)],
            Employees = random.Next(5, 5_000),
            Tags = random.Next(4) == 0 ? ["enterprise"] : [],
        };
        Record(lead.Capture($"lead-{index}", profile, now, DefaultConfig.Scoring, now));
        now = now.AddMinutes(random.Next(1, 120));
        var type = random.Next(10) < 3 ? ActivityTypes.DemoRequest : ActivityTypes.PageView;
        Record(lead.RecordActivity(new ActivityRecord("a1", type, now), DefaultConfig.Scoring, now));
        if (!lead.NeedsRouting)
        {
            return;
        }
        var pool = Pools[random.Next(Pools.Length)];
        var rep = $"{pool}-rep-{random.Next(4)}";
        Record(lead.Assign(pool, rep, false, new RoutingExplanation { Outcome = RoutingOutcomes.Assigned, PoolId = pool }, FirstTouchClock.Start(lead.Priority, new SlaConfig(), now), new LeadChange(lead)));
        now = now.AddMinutes(random.Next(1, 30));
        SalesActionType[] path = random.Next(10) switch
        {
            < 2 => [SalesActionType.Reject],
            < 5 => [SalesActionType.Contacted, SalesActionType.Lost],
            < 8 => [SalesActionType.Contacted, SalesActionType.Opportunity, SalesActionType.Won],
            _ => [SalesActionType.Contacted],
        };
        foreach (var action in path)
        {
            var amount = action == SalesActionType.Won ? random.Next(1_000, 100_000) : (decimal?)null;
            Record(lead.ApplySalesAction(new SalesActionRecord($"s-{action}", action, rep, "reason", amount, now), now).Change);
            now = now.AddHours(random.Next(1, 48));
        }
    }
}
