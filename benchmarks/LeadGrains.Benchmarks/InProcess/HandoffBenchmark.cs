using System.Diagnostics;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Grains.Hosting;
using LeadGrains.Grains.Leads;
using LeadGrains.Grains.Reps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Benchmarks.InProcess;

/// <summary>
/// Sales-ready → assigned in process: 10,000 leads into one pool of 50 reps. Each lead is captured
/// first; the measured call is the engagement event that makes it sales-ready, which scores,
/// routes through the pool's round robin, has the rep take it, and stores the lead, all before it
/// returns. The baseline, in the same run, is the same event on leads that stay in nurture, so
/// the ratio is what routing adds.
/// </summary>
public static class HandoffBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var leads = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
        using var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo.UseLocalhostClustering().AddLeadGrains().AddLeadGrainsMemoryStorage())
            .Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var intake = host.Services.GetRequiredService<LeadIntake>();
        var reps = host.Services.GetRequiredService<RepDirectory>();
        for (var i = 0; i < 50; i++)
        {
            await reps.UpsertAsync($"rep-{i:D2}", new RepProfile { Name = $"Rep {i}", Pools = ["default"], Capacity = 10_000, Weight = 1 + (i % 3) });
        }

        var warm = await CaptureAsync(intake, 1_000, concurrency);
        await MeasureAsync(grains, warm, ActivityTypes.DemoRequest, concurrency);
        var nurture = await CaptureAsync(intake, leads, concurrency);
        var ready = await CaptureAsync(intake, leads, concurrency);

        var (baseline, baselineSeconds) = await MeasureAsync(grains, nurture, ActivityTypes.PageView, concurrency);
        var (handoff, handoffSeconds) = await MeasureAsync(grains, ready, ActivityTypes.DemoRequest, concurrency);

        var assigned = 0;
        foreach (var leadId in ready)
        {
            assigned += (await grains.GetGrain<ILeadGrain>(leadId).GetAsync())?.Stage == LeadStage.Assigned ? 1 : 0;
        }
        Console.WriteLine($"# Handoff, in process: {leads:N0} leads into one pool of 50 reps, {concurrency} concurrent callers, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| measurement | events/s | latency |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine($"| baseline: engagement event, lead stays in nurture | {baseline.Count / baselineSeconds:N0} | {baseline.Summary()} |");
        Console.WriteLine($"| sales-ready → assigned (score + route + rep takes it + store) | {handoff.Count / handoffSeconds:N0} | {handoff.Summary()} |");
        Console.WriteLine();
        Console.WriteLine($"assigned: {assigned:N0} of {leads:N0}; p99 ratio handoff/baseline: {handoff.Percentile(99) / baseline.Percentile(99):F2}; throughput ratio: {handoff.Count / handoffSeconds / (baseline.Count / baselineSeconds):F2}");
        ResultOutput.Write("handoff", "sales-ready → assigned, in process",
            $"{leads:N0} leads into one pool of 50 reps, {concurrency} concurrent callers; handoff {handoff.Summary()}; baseline (stays in nurture) {baseline.Summary()}; {assigned:N0} assigned",
            new()
            {
                ["leads"] = leads,
                ["concurrency"] = concurrency,
                ["assigned"] = assigned,
                ["baseline_rate"] = baseline.Count / baselineSeconds,
                ["baseline_p99_ms"] = baseline.Percentile(99),
                ["rate"] = handoff.Count / handoffSeconds,
                ["p50_ms"] = handoff.Percentile(50),
                ["p90_ms"] = handoff.Percentile(90),
                ["p99_ms"] = handoff.Percentile(99),
                ["max_ms"] = handoff.Percentile(100),
            });
        await host.StopAsync();
        return assigned == leads ? 0 : 1;
    }

    private static async Task<string[]> CaptureAsync(LeadIntake intake, int count, int concurrency)
    {
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var profile = new LeadProfile { Email = $"lead{i}.{Guid.NewGuid():N}@co{Guid.NewGuid():N}.com", Title = "Director", Employees = 500, Country = "US" };
            ids[i] = (await intake.CaptureAsync(profile, null)).Lead.LeadId;
        });
        return ids;
    }

    private static async Task<(LatencyRecorder Latency, double Seconds)> MeasureAsync(IGrainFactory grains, string[] leadIds, string type, int concurrency)
    {
        var latency = new LatencyRecorder();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, leadIds.Length, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var grain = grains.GetGrain<ILeadGrain>(leadIds[i]);
            await latency.TimeAsync(() => grain.RecordActivityAsync(new ActivityRecord($"e-{i}", type, DateTimeOffset.UtcNow)));
        });
        return (latency, clock.Elapsed.TotalSeconds);
    }
}
