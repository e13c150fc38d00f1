using System.Diagnostics;
using LeadGrains.Abstractions.Configuration;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Hosting;
using LeadGrains.Grains.Leads;
using LeadGrains.Grains.Reps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace LeadGrains.Benchmarks.InProcess;

/// <summary>
/// 100,000 open first-touch deadlines in one silo: the memory they hold, and how late the breach
/// is acted on after each deadline. Leads are assigned with a first-touch window long enough that
/// all deadlines are open at once; nobody makes contact, so every one breaches. Lateness is the
/// breach's timeline time minus the deadline, read back from every lead.
/// </summary>
public static class DeadlineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var leads = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var window = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 90);
        using var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo.UseLocalhostClustering().AddLeadGrains().AddLeadGrainsMemoryStorage()
                .Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromHours(1))
                // Collecting a million activations, or reading 100,000 leads back, outlasts the default 30 s answer time.
                .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromMinutes(10)))
            .Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var live = host.Services.GetRequiredService<LiveConfig>();
        var config = await live.GetAsync();
        var update = await live.UpdateAsync(config with
        {
            Sla = config.Sla with { FirstTouch = new FirstTouchSla { High = window, Normal = window }, MaxBreaches = 5, Stall = new Dictionary<string, TimeSpan>() },
        });
        if (update.Outcome != ConfigUpdateOutcome.Updated)
        {
            throw new InvalidOperationException("configuration refused");
        }
        var reps = host.Services.GetRequiredService<RepDirectory>();
        // Enough reps that each holds a realistic book (a rep's open leads are stored as one set).
        var repCount = Math.Max(50, leads / 200);
        for (var i = 0; i < repCount; i++)
        {
            await reps.UpsertAsync($"rep-{i:D4}", new RepProfile { Name = $"Rep {i}", Pools = ["default"], Capacity = 1_000 });
        }
        var intake = host.Services.GetRequiredService<LeadIntake>();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var ids = new string[leads];
        await Parallel.ForAsync(0, leads, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var profile = new LeadProfile { Email = $"lead{i}@co{Guid.NewGuid():N}.com", Title = "Director", Employees = 500 };
            var leadId = (await intake.CaptureAsync(profile, null)).Lead.LeadId;
            await grains.GetGrain<ILeadGrain>(leadId).RecordActivityAsync(new ActivityRecord("demo", ActivityTypes.DemoRequest, DateTimeOffset.UtcNow));
            ids[i] = leadId;
        });
        var opened = clock.Elapsed;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapOpen = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"opened {leads:N0} deadlines in {opened.TotalSeconds:F1} s; heap {heapBefore / 1048576.0:F0} MiB → {heapOpen / 1048576.0:F0} MiB ({(heapOpen - heapBefore) / (double)leads:F0} bytes per lead with an open deadline, lead state included)");
        if (opened > window)
        {
            Console.WriteLine("warning: opening took longer than the window, so not all deadlines were open at once; raise the window");
        }

        // The last deadline falls one window after the last lead was assigned.
        await Task.Delay(window + TimeSpan.FromSeconds(10));
        var lateness = new List<double>(leads);
        var missing = 0;
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var view in await Task.WhenAll(chunk.Select(id => grains.GetGrain<ILeadGrain>(id).GetAsync())))
            {
                var assigned = view!.Timeline.FirstOrDefault(entry => entry.Type == TimelineTypes.Routed);
                var breach = view.Timeline.FirstOrDefault(entry => entry.Type == TimelineTypes.SlaBreached);
                if (assigned is null || breach is null)
                {
                    missing++;
                    continue;
                }
                lateness.Add((breach.At - (assigned.At + window)).TotalMilliseconds);
            }
        }
        lateness.Sort();
        double P(double p) => lateness.Count == 0 ? double.NaN : lateness[Math.Min(lateness.Count - 1, (int)Math.Ceiling(p / 100 * lateness.Count) - 1)];
        Console.WriteLine();
        Console.WriteLine($"| open deadlines | bytes per lead (heap) | breach lateness p50 | p99 | max | not breached |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {leads:N0} | {(heapOpen - heapBefore) / (double)leads:F0} | {P(50):F1} ms | {P(99):F1} ms | {P(100):F1} ms | {missing} |");
        ResultOutput.Write("deadlines", "SLA breach acted on after the deadline, in process",
            $"{leads:N0} open first-touch deadlines, {window.TotalSeconds:F0} s window, opened in {opened.TotalSeconds:F1} s; lateness p50 {P(50):F1} ms, p99 {P(99):F1} ms, max {P(100):F1} ms; {missing} not breached",
            new()
            {
                ["leads"] = leads,
                ["window_s"] = window.TotalSeconds,
                ["opened_s"] = opened.TotalSeconds,
                ["all_open_at_once"] = opened > window ? 0 : 1,
                ["bytes_per_lead"] = (heapOpen - heapBefore) / (double)leads,
                ["p50_ms"] = P(50),
                ["p99_ms"] = P(99),
                ["max_ms"] = P(100),
                ["missed"] = missing,
            });
        await host.StopAsync();
        return missing == 0 ? 0 : 1;
    }
}
