using System.Diagnostics;
using System.Globalization;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;
using LeadGrains.Grains.Hosting;
using LeadGrains.Grains.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace LeadGrains.Benchmarks.InProcess;

/// <summary>
/// Memory per resident lead, in process with in-memory storage: N leads (default 1,000,000) captured through the
/// intake with a realistic profile and given one engagement activity each, so each is a nurturing lead with its lead
/// grain, its email index grain and its stored state resident. Managed heap after a full compacting collection,
/// minus the same measured before ingest (after a small warm-up), divided by N. Then every idle activation is
/// collected, the heap measured again (what stays is the in-memory storage's copy), and a random sample of leads
/// is read back, reactivating them, and compared with what was read before: stage, score, timeline length, email.
/// </summary>
public static class MemoryBenchmark
{
    private static readonly string[] ActivityTypes = ["page_view", "email_open", "email_click", "content_download", "pricing_page_view"];

    public static async Task<int> RunAsync(string[] args)
    {
        var leads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var sampleSize = Math.Min(leads, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000);
        using var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo.UseLocalhostClustering().AddLeadGrains().AddLeadGrainsMemoryStorage()
                // Nothing is collected while the leads go in; the collection below is forced.
                .Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromHours(2))
                // Collecting a million activations, or reading 100,000 leads back, outlasts the default 30 s answer time.
                .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromMinutes(10)))
            .Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var intake = host.Services.GetRequiredService<LeadIntake>();
        var management = grains.GetGrain<IManagementGrain>(0);

        // A small warm-up so that the baseline holds the silo's own grains and caches; its leads are collected below too.
        await IngestAsync(intake, grains, "warm", 200);
        var heapBefore = CollectedHeap();
        var activationsBefore = await ActivationsAsync(management);

        var clock = Stopwatch.StartNew();
        var ids = await IngestAsync(intake, grains, "lead", leads);
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        var heapResident = CollectedHeap();
        var activationsResident = await ActivationsAsync(management);
        var perLead = (heapResident - heapBefore) / (double)leads;
        Console.WriteLine(FormattableString.Invariant(
            $"ingested {leads:N0} leads in {ingestSeconds:F1} s ({leads / ingestSeconds:N0}/s); heap {heapBefore / 1048576.0:F0} MiB → {heapResident / 1048576.0:F0} MiB: {perLead:F0} bytes per resident lead; activations {activationsBefore.Total:N0} → {activationsResident.Total:N0} ({activationsResident.Leads:N0} lead grains)"));

        var random = new Random(42);
        var sample = ids.OrderBy(_ => random.Next()).Take(sampleSize).ToArray();
        var before = await ReadAsync(grains, sample);

        // Deactivate every idle lead (and index) grain, as the activation collector does once they pass the collection age.
        await Task.Delay(TimeSpan.FromSeconds(2));
        clock.Restart();
        await management.ForceActivationCollection(TimeSpan.FromSeconds(1));
        var activationsIdle = await SettleAsync(management);
        var deactivateSeconds = clock.Elapsed.TotalSeconds;
        var heapIdle = CollectedHeap();
        Console.WriteLine(FormattableString.Invariant(
            $"collected idle activations in {deactivateSeconds:F1} s: {activationsIdle.Total:N0} left ({activationsIdle.Leads:N0} lead grains); heap {heapIdle / 1048576.0:F0} MiB: {(heapIdle - heapBefore) / (double)leads:F0} bytes per stored, deactivated lead"));

        clock.Restart();
        var after = await ReadAsync(grains, sample);
        var reactivateMs = clock.Elapsed.TotalMilliseconds / sample.Length;
        var activationsAfter = await ActivationsAsync(management);
        var mismatches = sample.Where(id => !Same(before[id], after[id])).ToList();
        foreach (var id in mismatches.Take(5))
        {
            Console.WriteLine($"mismatch {id}: before {Describe(before[id])}; after {Describe(after[id])}");
        }
        Console.WriteLine(FormattableString.Invariant(
            $"reactivated {sample.Length:N0} sampled leads ({activationsAfter.Leads:N0} lead grains active again), {reactivateMs:F2} ms each: {sample.Length - mismatches.Count:N0} intact, {mismatches.Count} changed"));
        Console.WriteLine();
        Console.WriteLine("| resident leads | bytes per resident lead (heap) | lead grains active | after collection | bytes per deactivated lead | sample reactivated intact |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(FormattableString.Invariant(
            $"| {leads:N0} | {perLead:F0} | {activationsResident.Leads:N0} | {activationsIdle.Leads:N0} | {(heapIdle - heapBefore) / (double)leads:F0} | {sample.Length - mismatches.Count:N0} of {sample.Length:N0} |"));

        ResultOutput.Write("memory", "memory per resident lead, in process",
            FormattableString.Invariant($"{leads:N0} nurturing leads (capture + one activity each): {perLead:F0} bytes of managed heap per resident lead ({activationsResident.Leads:N0} lead grains active); after collecting idle activations {activationsIdle.Leads:N0} active, {(heapIdle - heapBefore) / (double)leads:F0} bytes per lead; {sample.Length - mismatches.Count} of {sample.Length} sampled leads reactivated intact"),
            new()
            {
                ["leads"] = leads,
                ["ingest_per_s"] = leads / ingestSeconds,
                ["bytes_per_lead"] = perLead,
                ["heap_before_bytes"] = heapBefore,
                ["heap_resident_bytes"] = heapResident,
                ["heap_idle_bytes"] = heapIdle,
                ["bytes_per_deactivated_lead"] = (heapIdle - heapBefore) / (double)leads,
                ["activations_resident"] = activationsResident.Total,
                ["lead_activations_resident"] = activationsResident.Leads,
                ["lead_activations_idle"] = activationsIdle.Leads,
                ["lead_activations_reactivated"] = activationsAfter.Leads,
                ["sample"] = sample.Length,
                ["sample_intact"] = sample.Length - mismatches.Count,
                ["reactivate_ms"] = reactivateMs,
            });
        await host.StopAsync();
        return mismatches.Count == 0 && activationsIdle.Leads < activationsResident.Leads ? 0 : 1;
    }

    private static async Task<string[]> IngestAsync(LeadIntake intake, IGrainFactory grains, string prefix, int count)
    {
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var leadId = (await intake.CaptureAsync(Profile(prefix, i), null)).Lead.LeadId;
            await grains.GetGrain<ILeadGrain>(leadId).RecordActivityAsync(
                new ActivityRecord($"{prefix}-{i}-1", ActivityTypes[i % ActivityTypes.Length], DateTimeOffset.UtcNow));
            ids[i] = leadId;
        });
        return ids;
    }

    /// <summary>The load generator's inbound mix: strong, middling and weak fit, students on free mail; five leads per company.</summary>
    private static LeadProfile Profile(string prefix, int i)
    {
        var (title, employees, industry, country) = (i % 10) switch
        {
            < 3 => ("VP Engineering", 1200, "Software", "US"),
            < 6 => ("Marketing Manager", 250, "Retail", "GB"),
            < 9 => ("Analyst", 40, "Education", "BR"),
            _ => ("Student", 1, "Education", "IN"),
        };
        var domain = string.Create(CultureInfo.InvariantCulture, $"co{i / 5}-{prefix}.example");
        return new LeadProfile
        {
            Email = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}@{(i % 10 == 9 ? "gmail.com" : domain)}"),
            FirstName = "Lead",
            LastName = string.Create(CultureInfo.InvariantCulture, $"N{i}"),
            Company = string.Create(CultureInfo.InvariantCulture, $"Company {i / 5}"),
            CompanyDomain = domain,
            Title = title,
            Employees = employees,
            Industry = industry,
            Country = country,
            Source = "webinar",
            Campaign = string.Create(CultureInfo.InvariantCulture, $"campaign-{i % 12}"),
            Tags = ["benchmark"],
        };
    }

    private static long CollectedHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<(long Total, long Leads)> ActivationsAsync(IManagementGrain management)
    {
        var statistics = await management.GetSimpleGrainStatistics();
        return (statistics.Sum(s => (long)s.ActivationCount),
            statistics.Where(s => s.GrainType.StartsWith(typeof(LeadGrain).FullName + ",", StringComparison.Ordinal)).Sum(s => (long)s.ActivationCount));
    }

    /// <summary>Deactivation runs in the background: waits until the activation count stops falling.</summary>
    private static async Task<(long Total, long Leads)> SettleAsync(IManagementGrain management)
    {
        var last = await ActivationsAsync(management);
        for (var i = 0; i < 600; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = await ActivationsAsync(management);
            if (now.Total >= last.Total)
            {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static async Task<Dictionary<string, LeadView>> ReadAsync(IGrainFactory grains, string[] ids)
    {
        var views = new Dictionary<string, LeadView>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(100))
        {
            var read = await Task.WhenAll(chunk.Select(id => grains.GetGrain<ILeadGrain>(id).GetAsync()));
            for (var i = 0; i < chunk.Length; i++)
            {
                views[chunk[i]] = read[i] ?? throw new InvalidOperationException($"lead {chunk[i]} is gone");
            }
        }
        return views;
    }

    // Engagement decays continuously, so a score read seconds later may differ in the last hundredth.
    private static bool Same(LeadView a, LeadView b) =>
        a.Stage == b.Stage && a.Email == b.Email && a.Timeline.Count == b.Timeline.Count
        && Math.Abs(a.Score.Total - b.Score.Total) <= 0.05m && a.Score.Fit == b.Score.Fit
        && a.Profile.Title == b.Profile.Title && a.Profile.CompanyDomain == b.Profile.CompanyDomain && a.Profile.Tags.SequenceEqual(b.Profile.Tags);

    private static string Describe(LeadView view) =>
        FormattableString.Invariant($"stage {view.Stage}, score {view.Score.Total} (fit {view.Score.Fit}), {view.Timeline.Count} timeline entries");
}
